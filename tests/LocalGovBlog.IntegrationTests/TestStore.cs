namespace LocalGovBlog.IntegrationTests;

/// <summary>Which engine this test assembly runs the app on. LocalGovBlog.PostgreSqlTests compiles the same test
/// classes with its own copy of this class, which says PostgreSQL.</summary>
internal static class TestStore
{
    public static bool PostgreSql => false;
}
