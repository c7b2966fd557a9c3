using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace LocalGovBlog.UnitTests.Hosting;

public sealed class SettingsValidationTests
{
    private static SiteValidation Site(string environment, string? allowedHosts, bool insecureHttp = false, bool serving = true) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AllowedHosts"] = allowedHosts }).Build(),
        new HostingEnvironment { EnvironmentName = environment },
        insecureHttp,
        serving);

    private static string? Failure(SiteValidation validation, string address) =>
        validation.Validate(null, new SiteOptions { PublicBaseAddress = address }).FailureMessage;

    [Fact]
    public void PublicAddress_InProductionWithItsHostAllowed_IsAccepted() =>
        Assert.Null(Failure(Site("Production", "blog.example.org;localhost"), "https://blog.example.org"));

    [Theory]
    [InlineData("blog.example.org", "Site:PublicBaseAddress must be an absolute")]
    [InlineData("ftp://blog.example.org", "Site:PublicBaseAddress must be an absolute")]
    [InlineData("https://blog.example.org/?x=1", "Site:PublicBaseAddress must be an absolute")]
    [InlineData("http://blog.example.org", "must be the https:// address readers use")]
    public void PublicAddress_ThatIsNotAnHttpsAddressOutsideDevelopment_NamesTheSetting(string address, string expected) =>
        Assert.Contains(expected, Failure(Site("Production", "blog.example.org"), address), StringComparison.Ordinal);

    [Fact]
    public void PlainHttpPublicAddress_IsAcceptedForALabStartedWithInsecureHttp() =>
        Assert.Null(Failure(Site("Production", "lab.local", insecureHttp: true), "http://lab.local:8080"));

    [Theory]
    [InlineData("*", "AllowedHosts must name the site's host")]
    [InlineData(null, "AllowedHosts must name the site's host")]
    [InlineData("other.example.org", "does not admit 'blog.example.org'")]
    public void AllowedHosts_OutsideDevelopment_MustAdmitThePublicHostAndNoOther(string? allowed, string expected) =>
        Assert.Contains(expected, Failure(Site("Production", allowed), "https://blog.example.org"), StringComparison.Ordinal);

    [Fact]
    public void AllowedHosts_WildcardSubdomain_AdmitsTheHost() =>
        Assert.Null(Failure(Site("Production", "*.example.org"), "https://blog.example.org"));

    [Fact]
    public void ACommand_SuchAsBackup_IsNotHeldToTheServersAddressRules() =>
        Assert.Null(Failure(Site("Production", "*", serving: false), new SiteOptions().PublicBaseAddress));

    [Fact]
    public void Development_AcceptsThePlainHttpDefault() =>
        Assert.Null(Failure(Site("Development", "*"), new SiteOptions().PublicBaseAddress));

    [Fact]
    public void ProductionConfiguration_NamesItsAllowedHosts()
    {
        var web = AppContext.BaseDirectory; // the build copies the web project's settings files here
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(web, "appsettings.json"))
            .AddJsonFile(Path.Combine(web, "appsettings.Production.json"))
            .Build();

        Assert.False(string.IsNullOrWhiteSpace(configuration["AllowedHosts"]));
        Assert.NotEqual("*", configuration["AllowedHosts"]);
    }

    [Fact]
    public void KeyCertificate_ThatDoesNotExist_IsNamedAtStartUp()
    {
        var result = new KeyProtectionValidation().Validate(null, new KeyProtectionOptions { CertificatePath = "/nonexistent/keys.pfx" });

        Assert.Contains("DataProtection:CertificatePath names '/nonexistent/keys.pfx', which does not exist", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyCertificate_ThatIsNotAPfx_IsNamedAtStartUp()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not a certificate");
        try
        {
            var result = new KeyProtectionValidation().Validate(null, new KeyProtectionOptions { CertificatePath = path });

            Assert.Contains($"DataProtection:CertificatePath '{path}' can't be used to protect keys", result.FailureMessage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
