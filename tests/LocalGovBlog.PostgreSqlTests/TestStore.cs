namespace LocalGovBlog.IntegrationTests;

/// <summary>This assembly runs the shared integration tests on PostgreSQL (see <see cref="PostgreSqlServer"/>).</summary>
internal static class TestStore
{
    public static bool PostgreSql => true;
}
