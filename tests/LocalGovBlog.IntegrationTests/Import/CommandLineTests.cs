using System.Diagnostics;

namespace LocalGovBlog.IntegrationTests.Import;

/// <summary>The import command exactly as the README gives it, typed at the repository root.</summary>
public sealed class CommandLineTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task ReadmeImportCommand_FindsARelativePathTypedAtTheRepositoryRoot()
    {
        var folder = Directory.CreateTempSubdirectory("localgovblog-cli-");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = RepositoryPaths.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // The project is built already (the tests reference it); the command is the README's, plus a store of the test's own.
            foreach (var arg in new[] { "run", "--no-build", "-c", Configuration, "--project", "src/LocalGovBlog.Web", "--",
                         "import", "seeds/inlogov-blog.txt", "--dry-run", $"--ConnectionStrings:Default=Data Source={Path.Combine(folder.FullName, "cli.db")}" })
            {
                start.ArgumentList.Add(arg);
            }
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["Import__SeedOnFirstStart"] = "false";

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await output} {await errors}");
            Assert.Contains("Dry run of inlogov-blog.txt", await output, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
