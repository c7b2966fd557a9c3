namespace LocalGovBlog.Web.Data;

/// <summary>The <c>Store</c> settings (the store's location is <c>ConnectionStrings:Default</c>).</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    public const string Sqlite = "Sqlite";

    public const string PostgreSql = "PostgreSQL";

    /// <summary>The engine behind <c>ConnectionStrings:Default</c>: <c>Sqlite</c> (one file, one machine) or
    /// <c>PostgreSQL</c> (a server several instances share).</summary>
    public string Provider { get; set; } = Sqlite;

    public bool IsPostgreSql => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase);

    public bool IsKnownProvider => IsPostgreSql || string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    /// <summary>How long a writer waits for another writer's lock before giving up.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 5_000;
}

/// <summary>The <c>Import</c> settings for the first start: which dumps fill an empty archive.</summary>
public sealed class SeedingOptions
{
    public const string Section = "Import";

    /// <summary>Where the first start looks for <c>*.txt</c> dumps; a relative path is taken from the program's folder,
    /// where the build and <c>dotnet publish</c> copy the repository's <c>seeds/</c>.</summary>
    public string SeedDirectory { get; set; } = "seeds";

    /// <summary>Import the seeds when the store holds no article.</summary>
    public bool SeedOnFirstStart { get; set; } = true;
}
