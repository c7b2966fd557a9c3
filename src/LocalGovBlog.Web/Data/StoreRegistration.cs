using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Data;

public static class StoreRegistration
{
    public const string DefaultConnectionString = "Data Source=App_Data/localgovblog.db";

    /// <summary>
    /// Registers the archive store on the engine <c>Store:Provider</c> names. The connection string is read
    /// when the first context is made, so tests and the command line can point it elsewhere through configuration.
    /// Services ask for <see cref="ArchiveDbContext"/> whatever the engine. Contexts come from a pool: their
    /// options are built once, not on every request, and a context is reset and reused instead of set up anew.
    /// </summary>
    public static IServiceCollection AddArchiveStore(this IServiceCollection services)
    {
        services.AddPooledDbContextFactory<ArchiveDbContext>((provider, options) =>
        {
            var connectionString = ConnectionString(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>());
            var store = provider.GetRequiredService<IOptions<StoreOptions>>().Value;
            options.UseSqlite(connectionString)
                .AddInterceptors(new SqlitePragmas(store.BusyTimeoutMilliseconds));
        });
        // Also how `dotnet ef … --context PostgreSqlArchiveDbContext` builds the model: generating a migration needs no server.
        services.AddPooledDbContextFactory<PostgreSqlArchiveDbContext>((provider, options) =>
        {
            var store = provider.GetRequiredService<IOptions<StoreOptions>>().Value;
            var connectionString = store.IsPostgreSql ? provider.GetRequiredService<IConfiguration>().GetConnectionString("Default") : null;
            if (connectionString is null)
            {
                options.UseNpgsql();
            }
            else
            {
                options.UseNpgsql(connectionString);
            }
        });
        // One context a scope, handed back to its pool when the scope ends; PostgreSQL's when configured so.
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<PostgreSqlArchiveDbContext>>().CreateDbContext());
        services.AddScoped(provider => provider.GetRequiredService<IOptions<StoreOptions>>().Value.IsPostgreSql
            ? provider.GetRequiredService<PostgreSqlArchiveDbContext>()
            : provider.GetRequiredService<IDbContextFactory<ArchiveDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>The store's connection string from configuration, with a relative path taken from the content root (the program's folder).</summary>
    public static string ConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (IsPostgreSql(configuration))
        {
            return configuration.GetConnectionString("Default") ?? "";
        }
        return ResolveConnectionString(configuration.GetConnectionString("Default") ?? DefaultConnectionString, environment.ContentRootPath);
    }

    /// <summary>Whether <c>Store:Provider</c> names PostgreSQL; for code that runs before options are bound.</summary>
    public static bool IsPostgreSql(IConfiguration configuration) =>
        new StoreOptions { Provider = configuration?[$"{StoreOptions.Section}:{nameof(StoreOptions.Provider)}"] ?? StoreOptions.Sqlite }.IsPostgreSql;

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
