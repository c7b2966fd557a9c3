using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.IntegrationTests.Annotations;

namespace LocalGovBlog.IntegrationTests.Deployment;

/// <summary>
/// The deployed path end to end: the published build started as deploy/localgovblog.service starts it
/// (from another working directory), behind Debian's nginx with deploy/nginx-site.conf terminating TLS
/// with a certificate made here; a reader signs in, tags and searches through it.
/// </summary>
public sealed class NginxTlsTests(PublishedBuild build) : IAsyncLifetime
{
    private const string Slug = "creating-our-fate-through-our-own-behaviours";

    /// <summary>A public-looking name (HSTS is never sent for localhost), reached on loopback.</summary>
    private const string Host = "localgovblog.test";
    private readonly string _folder = Directory.CreateTempSubdirectory("localgovblog-nginx-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task PublishedSite_BehindNginxWithTls_SignsInTagsAndSearches()
    {
        ThrowawayNginx.Executable();
        var (httpsPort, httpPort, appPort) = (SiteProcess.FreePort(), SiteProcess.FreePort(), SiteProcess.FreePort());
        var publicAddress = $"https://{Host}:{httpsPort}";
        var store = Path.Combine(_folder, "state", "localgovblog.db");
        var environment = DeployFiles.UnitEnvironment(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{appPort}",
            ["Site__PublicBaseAddress"] = publicAddress,
            ["AllowedHosts"] = $"{Host};localhost",
            ["Proxy__TrustedAddresses__0"] = "127.0.0.1",
            ["ConnectionStrings__Default"] = $"Data Source={store}",
            ["Serilog__WriteTo__File__Args__path"] = Path.Combine(_folder, "logs", "localgovblog-.log"),
            ["DataProtection__CertificatePath"] = MakeKeyCertificate(out var password),
            ["DataProtection__CertificatePassword"] = password,
        });
        var (program, arguments) = DeployFiles.ExecStart(build.Folder);
        var workingDirectory = Directory.CreateDirectory(Path.Combine(_folder, "state")).FullName;
        await using var site = SiteProcess.Start(program, arguments, workingDirectory, environment);
        await site.WaitUntilAnswersAsync(new FormsClient(new Uri($"http://localhost:{appPort}")).Http, "/health/ready", TimeSpan.FromMinutes(2));
        var (certificate, key, trusted) = ThrowawayNginx.MakeCertificate(_folder, Host);
        await using var nginx = await ThrowawayNginx.StartAsync(DeployFiles.NginxSiteFor(Host, httpsPort, httpPort, appPort, certificate, key));
        var reader = new FormsClient(new Uri(publicAddress), certificate: trusted);
        await site.WaitUntilAnswersAsync(reader.Http, "/health/ready", TimeSpan.FromSeconds(30));

        // Plain HTTP is sent to HTTPS by nginx.
        var redirect = await new FormsClient(new Uri($"http://{Host}:{httpPort}")).Http.GetAsync("/search?q=x", Cancel);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal($"https://{Host}/search?q=x", redirect.Headers.Location!.ToString());

        // The seed dump travelled with the published build; static assets are served; HSTS as deployed.
        var home = await reader.Http.GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Cities will need to lead the way", await home.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.True(home.Headers.Contains("Strict-Transport-Security"), "HSTS over the proxied HTTPS");
        var css = await reader.Http.GetAsync("/css/site.css", Cancel);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);

        // Register (the first account is the admin), sign out, sign in again: secure cookies over the proxy.
        Assert.Equal(HttpStatusCode.Redirect, (await reader.RegisterAsync("site.operator")).StatusCode);
        await reader.SignOutAsync();
        Assert.Null(await reader.MeAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await reader.SignInAsync("site.operator")).StatusCode);
        Assert.Equal(["admin"], (await reader.MeAsync())!.Roles);

        // Compression: the app's, for anonymous readers only; nginx adds none (a signed-in page holds tokens).
        Assert.Empty((await GetAsync(reader, "/articles/" + Slug, "gzip")).Content.Headers.ContentEncoding);
        var anonymous = new FormsClient(new Uri(publicAddress), certificate: trusted);
        Assert.Equal(["gzip"], (await GetAsync(anonymous, "/articles/" + Slug, "gzip")).Content.Headers.ContentEncoding);
        Assert.All(reader.Cookies.GetAllCookies(), cookie => Assert.True(cookie.Secure, cookie.Name + " is Secure"));

        // Tag a passage with a note; its id is built from the public address; search finds the note.
        var text = await TaggingClient.TextAsync(reader, Slug);
        var tag = await TaggingClient.TagAsync(reader, Slug, text, "partnership working", ["devolution"], note: "An okapi of an idea.");
        Assert.StartsWith($"{publicAddress}/api/annotations/", tag.GetProperty("id").GetString(), StringComparison.Ordinal);
        var found = await reader.Http.GetFromJsonAsync<JsonElement>("/api/articles?q=okapi", Cancel);
        Assert.Equal([Slug], found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));
        Assert.Contains("Creating our fate", await reader.Http.GetStringAsync("/search?q=okapi", Cancel), StringComparison.Ordinal);

        // An upload over the app's limit gets through nginx to the app, which names the limit.
        var tooLarge = await UploadAsync(reader, 55 * 1024 * 1024);
        Assert.True(tooLarge.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{tooLarge.StatusCode}\n{nginx.ErrorLog}\n{site.Output}");
        Assert.True((await tooLarge.Content.ReadAsStringAsync(Cancel)).Contains("50 MB", StringComparison.Ordinal), site.Output);

        // A backup of the live store from the command line, as docs/deploy.md has the operator do.
        var backup = await SiteProcess.RunAsync(program, [arguments[0], "backup", Path.Combine(_folder, "backup.db")], workingDirectory, environment, TimeSpan.FromMinutes(2));
        Assert.True(backup.ExitCode == 0, backup.Output);
        Assert.Contains("1 passage tags", backup.Output, StringComparison.Ordinal);

        Assert.False(site.HasExited, site.Output);
        Assert.DoesNotContain("[ERR]", site.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("[emerg]", nginx.ErrorLog, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> GetAsync(FormsClient client, string path, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        var response = await client.Http.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static async Task<HttpResponseMessage> UploadAsync(FormsClient client, int bytes)
    {
        var token = await client.FormTokenAsync("/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(new byte[bytes]);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "Dump", "huge.txt");
        return await client.Http.PostAsync("/import", form, Cancel);
    }

    /// <summary>The certificate that encrypts the Data Protection keys at rest, as docs/deploy.md has the operator make.</summary>
    private string MakeKeyCertificate(out string password)
    {
        password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=LocalGovBlog Data Protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(5));
        var path = Path.Combine(_folder, "dataprotection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
