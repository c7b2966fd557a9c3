using System.Net;
using AngleSharp.Html.Parser;

namespace LocalGovBlog.IntegrationTests.Accounts;

/// <summary>
/// Failed sign-ins lock a user name for one client address only, and answer the same whether the name
/// has an account or not. Served on a real port behind a trusted loopback "proxy", so each client has
/// its own address (X-Forwarded-For), as behind nginx.
/// </summary>
public sealed class LockoutTests : IAsyncLifetime
{
    private const string Attacker = "203.0.113.7";
    private const string Owner = "198.51.100.9";

    private readonly ArchiveFactory _factory = new ArchiveFactory(seed: false)
        .WithKestrel()
        .WithSetting("AllowedHosts", "127.0.0.1")
        .WithSetting("Proxy:TrustedAddresses:0", "127.0.0.1")
        .WithSetting("RateLimits:SignInPerMinute", "1000"); // the lockout is under test here, not the rate limit

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _factory.EnsureStarted();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task TenFailures_LockTheNameForThatAddressOnly_AndAnswerAlikeForNamesWithoutAccounts()
    {
        var owner = new FormsClient(_factory.RootUri, Owner);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.RegisterAsync("real.person")).StatusCode);
        await owner.SignOutAsync();
        var attacker = new FormsClient(_factory.RootUri, Attacker);

        var forRealName = new List<string>();
        var forMadeUpName = new List<string>();
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            forRealName.Add(await ErrorAsync(await attacker.SignInAsync("real.person", "wrong guess number " + attempt)));
            forMadeUpName.Add(await ErrorAsync(await attacker.SignInAsync("nobody.here", "wrong guess number " + attempt)));
        }

        Assert.Equal(forRealName, forMadeUpName);
        Assert.All(forRealName.Take(9), message => Assert.Contains("do not match", message, StringComparison.Ordinal));
        Assert.Contains("try again in 15 minutes", forRealName[9], StringComparison.Ordinal);
        // Locked from the attacker's address, even with the right password…
        Assert.Contains("try again in 15 minutes", await ErrorAsync(await attacker.SignInAsync("real.person")), StringComparison.Ordinal);
        Assert.Null(await attacker.MeAsync());
        // …while the owner, from their own address, signs in as usual.
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SignInAsync("real.person")).StatusCode);
        Assert.Equal("real.person", (await owner.MeAsync())!.UserName);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Cancel), Cancel);
        return document.QuerySelector(".error-summary__list")?.TextContent.Trim() ?? "";
    }
}
