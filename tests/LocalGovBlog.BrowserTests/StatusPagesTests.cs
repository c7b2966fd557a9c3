using Microsoft.Playwright;

namespace LocalGovBlog.BrowserTests;

public sealed class StatusPagesTests(ArchiveSite site, Chromium chromium) : BrowserTest(site, chromium)
{
    [Theory]
    [InlineData("/articles/no-such-post")]
    [InlineData("/authors/no-such-person")]
    [InlineData("/?page=99")]
    [InlineData("/no/such/address")]
    [InlineData("/error")]
    [InlineData("/status/200")]
    public async Task MissingPage_ShowsTheFriendlyNotFoundPageWithStatus404(string path)
    {
        var page = await NewPageAsync();

        var response = await GoAsync(page, path);

        Assert.Equal(404, response.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("We couldn’t find that page");
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Browse the articles" })).ToHaveAttributeAsync("href", "/");
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Find an author" })).ToHaveAttributeAsync("href", "/authors");
        if (path == "/articles/no-such-post")
        {
            await SaveScreenshotAsync(page, "not-found");
        }
    }

    [Fact]
    public async Task ServerFault_ShowsTheFriendlyErrorPageWithRequestIdButNoStackTrace()
    {
        var page = await NewPageAsync();

        var response = await GoAsync(page, "/articles/" + FaultOnRequest.Slug);

        Assert.Equal(500, response.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Something went wrong on our side");
        var requestId = await page.Locator(".request-id").InnerTextAsync();
        Assert.False(string.IsNullOrWhiteSpace(requestId));
        var body = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("SECRET-STACK-DETAIL", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        await SaveScreenshotAsync(page, "server-error");
    }
}
