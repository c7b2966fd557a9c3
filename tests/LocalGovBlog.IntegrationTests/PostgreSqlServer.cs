using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LocalGovBlog.IntegrationTests;

/// <summary>
/// The PostgreSQL server the tests use: the one <c>.ci/run</c> starts and names in <c>LOCALGOVBLOG_TEST_POSTGRES</c>,
/// or, outside CI, a throwaway cluster started here (initdb into a temp folder, a free loopback port, run as the
/// <c>postgres</c> user when the tests run as root) and stopped when the test process ends. Every test gets a
/// database of its own, copied from a template that already has the migrations.
/// </summary>
public static class PostgreSqlServer
{
    public const string EnvironmentVariable = "LOCALGOVBLOG_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _counter;

    /// <summary>A new database, migrated (from the template) unless <paramref name="migrated"/> is false; returns its name.</summary>
    public static string CreateDatabase(bool migrated = true)
    {
        var name = $"lgb_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        var template = migrated ? $" TEMPLATE {Template.Value}" : "";
        Execute($"CREATE DATABASE {name}{template}");
        return name;
    }

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server.Value) { Database = database, Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    public static void DropDatabase(string database)
    {
        using (var connection = new NpgsqlConnection(ConnectionString(database)))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        Execute($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server.Value) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string CreateTemplate()
    {
        var name = $"lgb_{Environment.ProcessId}_template";
        Execute($"DROP DATABASE IF EXISTS {name}");
        Execute($"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(Server.Value) { Database = name, Pooling = false }.ConnectionString;
        using (var db = new PostgreSqlArchiveDbContext(new DbContextOptionsBuilder<PostgreSqlArchiveDbContext>().UseNpgsql(connectionString).Options))
        {
            db.Database.Migrate();
        }
        return name;
    }

    private static string StartOrFind()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: in CI, .ci/run starts PostgreSQL and names it there, and no PostgreSQL test may be skipped.");
        }
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
        {
            Assert.Skip($"PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb) and {EnvironmentVariable} is not set: "
                + "install Debian's postgresql package or run .ci/run.");
        }
        return ThrowawayCluster.Start(bin);
    }

    /// <summary>A cluster of our own for a local run, stopped when the process exits.</summary>
    private static class ThrowawayCluster
    {
        public static string Start(string bin)
        {
            var folder = Directory.CreateTempSubdirectory("localgovblog-pg-").FullName;
            var data = Path.Combine(folder, "data");
            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                Run("chown", null, "postgres", folder); // initdb refuses root; the cluster belongs to postgres
            }
            var user = asRoot ? "postgres" : null;
            Run(Path.Combine(bin, "initdb"), user, "-D", data, "--auth=trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8");
            var port = FreePort();
            Run(Path.Combine(bin, "pg_ctl"), user, "-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-o",
                $"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off", "start");
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    Run(Path.Combine(bin, "pg_ctl"), user, "-D", data, "-m", "immediate", "stop");
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
                {
                    // Leaving a temp folder behind is all that can go wrong here.
                }
            };
            return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static void Run(string program, string? user, params string[] arguments)
        {
            var start = new ProcessStartInfo(user is null ? program : "runuser") { RedirectStandardOutput = true, RedirectStandardError = true };
            if (user is not null)
            {
                foreach (var a in new[] { "-u", user, "--", program })
                {
                    start.ArgumentList.Add(a);
                }
            }
            foreach (var a in arguments)
            {
                start.ArgumentList.Add(a);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{output.Result}");
            }
        }
    }
}
