using System.Net;

namespace LocalGovBlog.IntegrationTests.Accounts;

public sealed class SecurityHeadersTests() : ArchiveTest(environment: "Production")
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/api/articles", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/api/articles/no-such-post", HttpStatusCode.NotFound)]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path, HttpStatusCode expected)
    {
        var response = await new FormsClient(Factory).Http.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Matches(@"max-age=(\d+)", hsts);
        Assert.True(int.Parse(System.Text.RegularExpressions.Regex.Match(hsts, @"max-age=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 31_536_000);
    }

    [Fact]
    public async Task PagesCarryNoInlineScript()
    {
        var html = await new FormsClient(Factory).Http.GetStringAsync("/articles/creating-our-fate-through-our-own-behaviours", TestContext.Current.CancellationToken);

        var document = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(html, TestContext.Current.CancellationToken);
        Assert.All(document.Scripts, script => Assert.False(string.IsNullOrEmpty(script.Source), "every script comes from a file"));
        Assert.Empty(document.QuerySelectorAll("[style]"));
        Assert.Empty(document.QuerySelectorAll("[onclick],[onload],[onerror]"));
    }
}
