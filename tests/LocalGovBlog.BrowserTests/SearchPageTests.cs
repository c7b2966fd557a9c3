using Microsoft.Playwright;

namespace LocalGovBlog.BrowserTests;

public sealed class SearchPageTests(ArchiveSite site, Chromium chromium) : BrowserTest(site, chromium)
{
    private const string StaiteTitle = "Catherine Staite reflects on the need for 21st century partnerships in Birmingham";

    [Fact]
    public async Task AuthorBox_SuggestsAuthorsAsYouTypeAndThenListsThatAuthorsArticles()
    {
        var page = await NewPageAsync();
        await GoAsync(page, "/search");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Author" }).PressSequentiallyAsync("cathérine sta", new() { Delay = 40 });
        var suggestion = page.Locator("#author-suggestions").GetByRole(AriaRole.Link, new() { Name = "Catherine Staite" });
        await Expect(suggestion).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "search-author-suggestions");
        await suggestion.ClickAsync();

        await Expect(page).ToHaveURLAsync(Site.Url("/search?author=catherine-staite").ToString());
        var results = page.Locator(".search-list");
        await Expect(results.GetByRole(AriaRole.Heading)).ToHaveCountAsync(1);
        Assert.Equal(StaiteTitle, Plain(await results.GetByRole(AriaRole.Heading).InnerTextAsync()));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 article by Catherine Staite.");
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task WordsAndAuthor_WithoutJavaScript_GiveRankedHighlightedResults()
    {
        var page = await NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await GoAsync(page, "/search");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Words" }).FillAsync("partnership");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Author" }).FillAsync("Professor staite");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        var results = page.Locator(".search-list");
        await Expect(results.GetByRole(AriaRole.Heading)).ToHaveCountAsync(1);
        Assert.Equal(StaiteTitle, Plain(await results.GetByRole(AriaRole.Heading).InnerTextAsync()));
        await Expect(results.Locator("mark").First).ToBeVisibleAsync();
        await Expect(page.Locator(".facets").GetByRole(AriaRole.Link, new() { Name = "Catherine Staite" })).ToHaveAttributeAsync("aria-current", "true");
        await SaveScreenshotAsync(page, "search-results");
    }

    [Fact]
    public async Task HostileQuery_SaysNoResultsInsteadOfFailing()
    {
        var page = await NewPageAsync();
        var response = await GoAsync(page, "/search?q=" + Uri.EscapeDataString("\"NEAR(( title: *^-"));

        Assert.Equal(200, response.Status);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("No articles match");
        await SaveScreenshotAsync(page, "search-no-results");
    }
}
