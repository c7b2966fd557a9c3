using System.Diagnostics;

[assembly: AssemblyFixture(typeof(LocalGovBlog.IntegrationTests.Deployment.PublishedBuild))]

namespace LocalGovBlog.IntegrationTests.Deployment;

/// <summary>
/// The program as an operator deploys it: <c>dotnet publish -c Release -o DIR</c>. CI publishes once
/// before the tests and names the folder in <c>LOCALGOVBLOG_PUBLISHED</c>; otherwise the first test that
/// needs it publishes into a temp folder (about a minute).
/// </summary>
public sealed class PublishedBuild : IAsyncLifetime
{
    public const string FolderVariable = "LOCALGOVBLOG_PUBLISHED";

    private string? _temp;

    public string Folder { get; private set; } = "";

    public string Program => Path.Combine(Folder, "LocalGovBlog.Web.dll");

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } given)
        {
            Folder = Path.GetFullPath(given);
            if (!File.Exists(Program))
            {
                throw new InvalidOperationException($"{FolderVariable} names {Folder}, which holds no LocalGovBlog.Web.dll: publish it first.");
            }
            return;
        }
        _temp = Directory.CreateTempSubdirectory("localgovblog-publish-").FullName;
        Folder = Path.Combine(_temp, "out");
        var project = Path.Combine(RepositoryPaths.Root, "src", "LocalGovBlog.Web", "LocalGovBlog.Web.csproj");
        var publish = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", Folder, "--nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(publish)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !File.Exists(Program))
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_temp is not null)
        {
            Directory.Delete(_temp, recursive: true);
        }
        return ValueTask.CompletedTask;
    }
}
