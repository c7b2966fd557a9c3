using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LocalGovBlog.IntegrationTests.Deployment;

/// <summary>
/// Debian's nginx as a throwaway instance: its own folder, config, pid file and logs, loopback ports only,
/// stopped when disposed. Without nginx a test is skipped on a developer's machine and fails in CI.
/// </summary>
public sealed class ThrowawayNginx : IAsyncDisposable
{
    private readonly SiteProcess _process;

    private ThrowawayNginx(SiteProcess process, string folder)
    {
        _process = process;
        Folder = folder;
    }

    public string Folder { get; }

    public string ErrorLog => File.Exists(Path.Combine(Folder, "error.log")) ? File.ReadAllText(Path.Combine(Folder, "error.log")) : "";

    /// <summary>The nginx binary, or a skip (a failure in CI) saying how to install it.</summary>
    public static string Executable()
    {
        var found = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return found;
        }
        const string reason = "nginx is not installed: apt-get install -y nginx (CI installs it; see .ci/run).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }
        Assert.Skip(reason);
        return "";
    }

    /// <summary>Checks the configuration (<c>nginx -t</c>) and starts nginx, in a folder of its own, with
    /// <paramref name="site"/> as its only server block.</summary>
    public static async Task<ThrowawayNginx> StartAsync(string site)
    {
        var nginx = Executable();
        var folder = Directory.CreateTempSubdirectory("localgovblog-nginx-").FullName;
        // nginx's workers run as nobody when the master is root: they must reach the folder (in /tmp) for request bodies.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "site.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            events { worker_connections 128; }
            http {
                access_log {{folder}}/access.log;
                # As Debian's own nginx.conf has it: the site's configuration must hold against it.
                gzip on;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/site.conf;
            }
            """);
        string[] arguments = ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log")];
        var check = await SiteProcess.RunAsync(nginx, [.. arguments, "-t"], folder, new Dictionary<string, string>(), TimeSpan.FromSeconds(30));
        Assert.True(check.ExitCode == 0, "nginx -t refused the configuration:\n" + check.Output);
        var process = SiteProcess.Start(nginx, [.. arguments, "-g", $"daemon off; pid {folder}/nginx.pid;"], folder, new Dictionary<string, string>());
        return new ThrowawayNginx(process, folder);
    }

    /// <summary>A self-signed certificate for <paramref name="host"/> in PEM files, as nginx reads them; returns the paths and the certificate.</summary>
    public static (string Certificate, string Key, X509Certificate2 Trusted) MakeCertificate(string folder, string host)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + host, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(folder, "fullchain.pem");
        var keyPath = Path.Combine(folder, "privkey.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath, certificate);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
