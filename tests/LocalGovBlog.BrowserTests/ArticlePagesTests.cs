using System.Text.Json;
using Microsoft.Playwright;

namespace LocalGovBlog.BrowserTests;

public sealed class ArticlePagesTests(ArchiveSite site, Chromium chromium) : BrowserTest(site, chromium)
{
    private const string ExcerptNote =
        "This is an excerpt: the dump holds only the opening of this post. The full post is on the original blog.";

    [Fact]
    public async Task Home_ListsTheThreeSeedPostsInSourceOrder()
    {
        var page = await NewPageAsync();
        await GoAsync(page, "/");

        var titles = await page.GetByRole(AriaRole.Heading, new() { Level = 2 }).AllInnerTextsAsync();
        Assert.Equal(
        [
            "Cities will need to lead the way post-Brexit",
            "Creating our fate through our own behaviours",
            "Catherine Staite reflects on the need for 21st century partnerships in Birmingham",
        ], titles.Select(Plain));
        var teasers = page.GetByRole(AriaRole.Article);
        await Expect(teasers.Nth(0)).ToContainTextAsync("By Paul Bunyan");
        await Expect(teasers.Nth(0).GetByText("Excerpt", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(teasers.Nth(1).GetByRole(AriaRole.Link, new() { Name = "Anthony Mason" })).ToHaveAttributeAsync("href", "/authors/anthony-mason");
        await Expect(teasers.Nth(1)).ToContainTextAsync("2 min read");
        await Expect(teasers.Nth(1)).ToContainTextAsync("The American author Henry Miller is supposed to have said");
        await Expect(teasers.Nth(1).GetByText("Excerpt", new() { Exact = true })).ToHaveCountAsync(0);
        await SaveScreenshotAsync(page, "home");
    }

    [Fact]
    public async Task SecondPost_ShowsAuthorBoxWithNameRoleAndBio()
    {
        var page = await NewPageAsync();
        await GoAsync(page, "/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Creating our fate through our own behaviours" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Site.Url("/articles/creating-our-fate-through-our-own-behaviours").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Creating our fate through our own behaviours");
        var authorBox = page.GetByRole(AriaRole.Complementary, new() { Name = "About the author" });
        await Expect(authorBox.GetByRole(AriaRole.Link, new() { Name = "Anthony Mason" })).ToHaveAttributeAsync("href", "/authors/anthony-mason");
        await Expect(authorBox).ToContainTextAsync("Senior Associate INLOGOV");
        await Expect(authorBox).ToContainTextAsync(
            "Anthony Mason is a senior associate at INLOGOV where he specialises in consultancy around partnership and collaboration.");
        await Expect(page.GetByText(ExcerptNote)).ToHaveCountAsync(0);
        await SaveScreenshotAsync(page, "article");
    }

    [Fact]
    public async Task FirstPost_SaysItIsOnlyAnExcerpt()
    {
        var page = await NewPageAsync();
        await GoAsync(page, "/articles/cities-will-need-to-lead-the-way-post-brexit");

        await Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "About this excerpt" })).ToHaveTextAsync(ExcerptNote);
        await Expect(page.Locator("#article-text blockquote")).ToContainTextAsync("The maps of how people voted show");
        await SaveScreenshotAsync(page, "article-excerpt");
    }

    [Theory]
    [InlineData("cities-will-need-to-lead-the-way-post-brexit")]
    [InlineData("creating-our-fate-through-our-own-behaviours")]
    [InlineData("catherine-staite-reflects-on-the-need-for-21st-century-partnerships-in-birmingham")]
    public async Task Article_RendersEachBlockAsExactlyTheCanonicalTextBetweenItsOffsets(string slug)
    {
        var page = await NewPageAsync();
        await GoAsync(page, "/articles/" + slug);
        var stored = await page.APIRequest.GetAsync(Site.Url("/api/articles/" + slug).ToString());
        var article = (await stored.JsonAsync())!.Value;
        var text = article.GetProperty("text").GetString()!;
        var blocks = article.GetProperty("blocks").EnumerateArray().ToList();

        var rendered = (await page.Locator("#article-text [data-start]").EvaluateAllAsync<JsonElement>(
            "elements => elements.map(e => ({ tag: e.tagName.toLowerCase(), start: Number(e.dataset.start), end: Number(e.dataset.end), text: e.textContent }))"))
            .EnumerateArray().ToList();

        Assert.Equal(blocks.Count, rendered.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            var (start, end) = (blocks[i].GetProperty("start").GetInt32(), blocks[i].GetProperty("end").GetInt32());
            Assert.Equal(start, rendered[i].GetProperty("start").GetInt32());
            Assert.Equal(end, rendered[i].GetProperty("end").GetInt32());
            Assert.Equal(text[start..end], rendered[i].GetProperty("text").GetString());
            var expectedTag = blocks[i].GetProperty("kind").GetString() switch
            {
                "quote" => "blockquote",
                "listItem" => "li",
                _ => "p",
            };
            Assert.Equal(expectedTag, rendered[i].GetProperty("tag").GetString());
        }
    }
}
