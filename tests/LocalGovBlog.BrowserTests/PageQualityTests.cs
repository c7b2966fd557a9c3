using Microsoft.Playwright;

namespace LocalGovBlog.BrowserTests;

public sealed class PageQualityTests(ArchiveSite site, Chromium chromium) : BrowserTest(site, chromium)
{
    public static TheoryData<string, string> ReaderPages => new()
    {
        { "/", "home" },
        { "/articles/creating-our-fate-through-our-own-behaviours", "article" },
        { "/articles/cities-will-need-to-lead-the-way-post-brexit", "article-excerpt" },
        { "/authors", "authors" },
        { "/authors/anthony-mason", "author" },
        { "/articles/no-such-post", "not-found" },
    };

    [Fact]
    public async Task HomePage_LoadsWithoutConsoleErrors()
    {
        var page = await NewPageAsync();
        var failedRequests = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failedRequests.Add($"{response.Status} {response.Url}");
            }
        };

        await GoAsync(page, "/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(ConsoleErrors);
        Assert.Empty(failedRequests);
        // The stylesheet arrived and applies: the body is set in the serif stack.
        Assert.Contains("Charter", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReaderPages))]
    public async Task Page_HasNoInlineScriptOrStyle_AndSaysWhatItIs(string path, string name)
    {
        var page = await NewPageAsync();
        await GoAsync(page, path);

        // A strict Content-Security-Policy (no 'unsafe-inline') must not break any page.
        Assert.Equal(0, await page.Locator("script:not([src]), style, [style]").CountAsync());
        Assert.Equal("en-GB", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.EndsWith("LocalGovBlog", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("meta[name=description]").GetAttributeAsync("content")), name);
        Assert.Equal(1, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).CountAsync());
    }

    [Theory]
    [MemberData(nameof(ReaderPages))]
    public async Task Page_FitsAPhoneScreenWithoutScrollingSideways(string path, string name)
    {
        var page = await NewPageAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            Locale = "en-GB",
        });
        await GoAsync(page, path);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a phone screen.");
        await SaveScreenshotAsync(page, name + "-phone");
    }

    [Fact]
    public async Task SkipLink_IsTheFirstTabStopAndMovesFocusToTheMainContent()
    {
        var page = await NewPageAsync();
        await GoAsync(page, "/articles/creating-our-fate-through-our-own-behaviours");

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
    }
}
