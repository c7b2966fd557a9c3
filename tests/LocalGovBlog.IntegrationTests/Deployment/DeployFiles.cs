namespace LocalGovBlog.IntegrationTests.Deployment;

/// <summary>
/// The files in <c>deploy/</c> that docs/deploy.md tells an operator to install, read by the tests that run
/// them, so what is documented is what is run. Their real host names and paths are swapped for the test's.
/// </summary>
internal static class DeployFiles
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "deploy");

    public static string Unit => File.ReadAllText(Path.Combine(Folder, "localgovblog.service"));

    public static string EnvironmentFile => File.ReadAllText(Path.Combine(Folder, "localgovblog.env"));

    public static string NginxSite => File.ReadAllText(Path.Combine(Folder, "nginx-site.conf"));

    /// <summary>
    /// What the systemd unit gives the program: its <c>Environment=</c> lines, then its <c>EnvironmentFile</c>.
    /// Every variable the file sets must have a value in <paramref name="replacements"/> (so a setting added to
    /// the file is considered here); a replacement for an <c>Environment=</c> line overrides it too.
    /// </summary>
    public static Dictionary<string, string> UnitEnvironment(IReadOnlyDictionary<string, string> replacements)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(Unit).Where(l => l.StartsWith("Environment=", StringComparison.Ordinal)))
        {
            var (name, value) = Split(line["Environment=".Length..]);
            environment[name] = replacements.GetValueOrDefault(name, value);
        }
        Assert.Contains(Lines(Unit), l => l == "EnvironmentFile=/etc/localgovblog/localgovblog.env");
        foreach (var line in Lines(EnvironmentFile).Where(l => !l.StartsWith('#')))
        {
            var (name, _) = Split(line);
            Assert.True(replacements.ContainsKey(name), $"deploy/localgovblog.env sets {name}; give the test a value for it.");
            environment[name] = replacements[name];
        }
        return environment;
    }

    /// <summary>The unit's <c>ExecStart</c> with the install folder swapped for <paramref name="publishedFolder"/>.</summary>
    public static (string FileName, string[] Arguments) ExecStart(string publishedFolder)
    {
        var command = Lines(Unit).Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..]
            .Replace("/opt/localgovblog", publishedFolder, StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("/usr/bin/dotnet", command[0]);
        return ("dotnet", command[1..]);
    }

    /// <summary>The nginx site for <paramref name="host"/> on loopback ports, with the test's certificate and the app's port.</summary>
    public static string NginxSiteFor(string host, int httpsPort, int httpPort, int appPort, string certificate, string key) =>
        Swap(NginxSite,
            ("listen 80;", $"listen 127.0.0.1:{httpPort};"),
            ("    listen [::]:80;\n", ""),
            ("listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort} ssl http2;"),
            ("    listen [::]:443 ssl http2;\n", ""),
            ("server_name blog.example.org;", $"server_name {host};"),
            ("/etc/ssl/localgovblog/fullchain.pem", certificate),
            ("/etc/ssl/localgovblog/privkey.pem", key),
            ("proxy_pass http://127.0.0.1:5000;", $"proxy_pass http://127.0.0.1:{appPort};"));

    private static string Swap(string text, params (string From, string To)[] swaps)
    {
        foreach (var (from, to) in swaps)
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        return text;
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    private static (string Name, string Value) Split(string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        return (assignment[..equals], assignment[(equals + 1)..]);
    }
}
