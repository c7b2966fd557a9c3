using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LocalGovBlog.Web.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PostgreSqlArchiveDbContext</c> build the PostgreSQL model without a
/// server: generating a migration compares the model with the snapshot and never connects.
/// </summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlArchiveDbContext>
{
    public PostgreSqlArchiveDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlArchiveDbContext>().UseNpgsql("Host=localhost;Database=localgovblog").Options);
}
