namespace LocalGovBlog.UnitTests.Hosting;

/// <summary>docs/deploy.md installs every file in deploy/ (the files the deployment tests run).</summary>
public sealed class DeployDocsTests
{
    [Fact]
    public void DeployGuide_InstallsEveryFileInTheDeployFolder()
    {
        var root = Root();
        var guide = File.ReadAllText(Path.Combine(root, "docs", "deploy.md"));
        var files = Directory.GetFiles(Path.Combine(root, "deploy")).Select(Path.GetFileName).ToList();

        Assert.NotEmpty(files);
        Assert.All(files, name => Assert.Contains($"deploy/{name} ", guide, StringComparison.Ordinal));
    }

    private static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LocalGovBlog.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("LocalGovBlog.sln not found above " + AppContext.BaseDirectory);
    }
}
