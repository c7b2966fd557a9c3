namespace LocalGovBlog.Web.Data;

/// <summary>
/// One of something per store engine, chosen by the context at hand. Made for compiled queries: one is bound to the
/// model of the first context that runs it, so SQLite's and PostgreSQL's contexts each need their own.
/// </summary>
public sealed class PerEngine<T>(Func<T> make)
{
    private readonly T _sqlite = make();
    private readonly T _postgreSql = make();

    public T For(ArchiveDbContext db) => db is PostgreSqlArchiveDbContext ? _postgreSql : _sqlite;
}
