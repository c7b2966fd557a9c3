using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Data;

public static class StoreRegistration
{
    public const string DefaultConnectionString = "Data Source=App_Data/localgovblog.db";

    /// <summary>
    /// Registers the archive store. The connection string is read when the first context is made,
    /// so tests and the command line can point it elsewhere through configuration.
    /// </summary>
    public static IServiceCollection AddArchiveStore(this IServiceCollection services)
    {
        services.AddDbContext<ArchiveDbContext>((provider, options) =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var environment = provider.GetRequiredService<IHostEnvironment>();
            var connectionString = ResolveConnectionString(
                configuration.GetConnectionString("Default") ?? DefaultConnectionString,
                environment.ContentRootPath);
            var busyTimeout = configuration.GetValue("Store:BusyTimeoutMilliseconds", 5000);
            options.UseSqlite(connectionString)
                .AddInterceptors(new SqlitePragmas(busyTimeout));
        });
        return services;
    }

    /// <summary>A relative database path is taken from the content root, and its folder is made.</summary>
    public static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return connectionString;
        }
        if (!Path.IsPathRooted(dataSource))
        {
            dataSource = Path.GetFullPath(Path.Combine(contentRoot, dataSource));
        }
        var folder = Path.GetDirectoryName(dataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        builder.DataSource = dataSource;
        return builder.ToString();
    }
}
