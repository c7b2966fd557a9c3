using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.IntegrationTests.Accounts;

/// <summary>With DataProtection:CertificatePath set, the keys that sign sessions are encrypted in the store.</summary>
public sealed class KeyProtectionTests : IAsyncLifetime
{
    private const string Password = "pfx password for the test";
    private readonly string _folder = Directory.CreateTempSubdirectory("localgovblog-keys-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task WithACertificate_KeysAreEncryptedAtRest_AndStillSignPeopleInAfterARestart()
    {
        var certificate = MakeCertificate();
        var cookies = new CookieContainer();
        await using var first = Protected(new ArchiveFactory(seed: false, environment: "Production"), certificate);
        await new FormsClient(first, cookies).RegisterAsync("keeps.keys.safe");

        var keys = await first.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Cancel));

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
        await using var restarted = Protected(new ArchiveFactory(seed: false, environment: "Production", databasePath: first.DatabasePath), certificate);
        Assert.Equal("keeps.keys.safe", (await new FormsClient(restarted, cookies).MeAsync())?.UserName);
    }

    private static ArchiveFactory Protected(ArchiveFactory factory, string certificatePath) => factory
        .WithSetting("DataProtection:CertificatePath", certificatePath)
        .WithSetting("DataProtection:CertificatePassword", Password);

    /// <summary>A throwaway RSA certificate in a password-protected .pfx, as an operator makes with openssl.</summary>
    private string MakeCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=LocalGovBlog key protection (test)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
