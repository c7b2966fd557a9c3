using Microsoft.Playwright;

namespace LocalGovBlog.BrowserTests;

public sealed class AuthorPagesTests(ArchiveSite site, Chromium chromium) : BrowserTest(site, chromium)
{
    [Theory]
    [InlineData("staite")]
    [InlineData("CATHERINE")]
    [InlineData("Professor catherine")]
    public async Task AuthorSearch_FindsCatherineStaiteAsYouTypeWithoutSubmitting(string typed)
    {
        var page = await NewPageAsync();
        await GoAsync(page, "/authors");
        var results = page.Locator("#author-results");
        await Expect(results.GetByRole(AriaRole.Link, new() { Name = "Paul Bunyan" })).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Find an author" })
            .PressSequentiallyAsync(typed, new() { Delay = 40 });

        await Expect(results.GetByRole(AriaRole.Link, new() { Name = "Catherine Staite" })).ToBeVisibleAsync();
        await Expect(results.GetByRole(AriaRole.Link, new() { Name = "Paul Bunyan" })).ToHaveCountAsync(0);
        await Expect(results.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"1 author matches “{typed}”.");
        await Expect(page).ToHaveTitleAsync($"Authors matching “{typed}” — LocalGovBlog");
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "The page reloaded: the form was submitted.");
        Assert.Empty(ConsoleErrors);
        if (typed == "staite")
        {
            await SaveScreenshotAsync(page, "authors-search");
        }
    }

    [Fact]
    public async Task AuthorSearch_WithNothingMatching_SaysNoAuthorMatches()
    {
        var page = await NewPageAsync();
        await GoAsync(page, "/authors");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Find an author" }).FillAsync("zzz");

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("No author matches “zzz”.");
        await Expect(page.Locator("#author-results").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "see every author" })).ToHaveAttributeAsync("href", "/authors");
        await SaveScreenshotAsync(page, "authors-no-match");
    }

    [Fact]
    public async Task AuthorSearch_WorksWithoutJavaScript()
    {
        var page = await NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await GoAsync(page, "/authors");

        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Find an author" });
        await search.FillAsync("staite");
        await search.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(Site.Url("/authors?q=staite").ToString());
        await Expect(page.Locator("#author-results").GetByRole(AriaRole.Link, new() { Name = "Catherine Staite" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Paul Bunyan" })).ToHaveCountAsync(0);
        await Expect(search).ToHaveValueAsync("staite");
    }

    [Fact]
    public async Task AuthorsIndex_ListsEveryAuthorBySurnameWithArticleCounts()
    {
        var page = await NewPageAsync();
        await GoAsync(page, "/authors");

        var names = await page.Locator("#author-results").GetByRole(AriaRole.Link).AllInnerTextsAsync();
        Assert.Equal(["Paul Bunyan", "Anthony Mason", "Catherine Staite"], names);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("3 authors.");
        await Expect(page.Locator("#author-results").GetByRole(AriaRole.Listitem).Nth(2)).ToContainTextAsync("1 article");
        await SaveScreenshotAsync(page, "authors");
    }

    [Fact]
    public async Task AuthorLink_InAnArticle_LeadsToTheirPageWithRoleBioAndArticles()
    {
        var page = await NewPageAsync();
        await GoAsync(page, "/articles/catherine-staite-reflects-on-the-need-for-21st-century-partnerships-in-birmingham");

        await page.GetByRole(AriaRole.Complementary, new() { Name = "About the author" })
            .GetByRole(AriaRole.Link, new() { Name = "Catherine Staite" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Site.Url("/authors/catherine-staite").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Catherine Staite");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Director, INLOGOV");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Catherine Staite is the Director of INLOGOV.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync(
            "Catherine Staite reflects on the need for 21st century partnerships in Birmingham");
        await SaveScreenshotAsync(page, "author");
    }
}
