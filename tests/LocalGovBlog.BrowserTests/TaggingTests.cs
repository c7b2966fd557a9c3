using System.Text.Json;
using Microsoft.Playwright;

namespace LocalGovBlog.BrowserTests;

public sealed class TaggingTests(ArchiveSite site, Chromium chromium) : BrowserTest(site, chromium)
{
    private const string Password = "a long enough passphrase";

    private static async Task RegisterAsync(IPage page, string userName)
    {
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.Locator("header.site-header")).ToContainTextAsync(userName);
    }

    /// <summary>Selects the first sentence of the article's first paragraph, as a reader's drag would, and returns it.</summary>
    private static Task<string> SelectFirstSentenceAsync(IPage page) =>
        page.EvaluateAsync<string>("""
            () => {
                const paragraph = document.querySelector("#article-text p[data-start]");
                const node = paragraph.firstChild;
                const stop = node.textContent.indexOf(". ") + 1;
                const range = document.createRange();
                range.setStart(node, 0);
                range.setEnd(node, stop);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                paragraph.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
                return range.toString();
            }
            """);

    [Fact]
    public async Task Reader_TagsASentenceWithDevolution_SeesItHighlightedAndOnTheThemePage_AndNobodyElseCanDeleteIt()
    {
        var page = await NewPageAsync();
        await GoAsync(page, "/account/register");
        await RegisterAsync(page, "browser.tagger");

        await GoAsync(page, "/");
        await page.Locator(".article-list a").First.ClickAsync();
        await page.WaitForURLAsync("**/articles/**");
        await page.WaitForLoadStateAsync(LoadState.Load);
        var articleUrl = page.Url;
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        var sentence = await SelectFirstSentenceAsync(page);
        var popover = page.Locator("#tag-popover");
        await Expect(popover).ToBeVisibleAsync();
        await page.Keyboard.TypeAsync("devo");
        await page.Keyboard.PressAsync("Enter");
        await Expect(popover.GetByLabel("Devolution")).ToBeCheckedAsync();
        await popover.GetByLabel("Note").FillAsync("Who holds the **mayors** to account?");
        await SaveScreenshotAsync(page, "tagging-popover");
        await popover.GetByRole(AriaRole.Button, new() { Name = "Save tag" }).ClickAsync();

        // Saving is four requests and a re-render; on a busy CI machine that can take more than the default 5 s.
        var highlight = page.Locator("#article-text mark.hl--t-devolution");
        await Expect(highlight).ToHaveTextAsync(sentence, new() { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page reloaded");
        await Expect(popover).ToBeHiddenAsync();
        await SaveScreenshotAsync(page, "tagging-highlight");

        await page.ReloadAsync();
        await Expect(page.Locator("#article-text mark.hl--t-devolution")).ToHaveTextAsync(sentence);
        var card = page.Locator(".tag-card").Filter(new() { HasText = "Devolution" });
        await Expect(card.Locator(".tag-card__note strong")).ToHaveTextAsync("mayors");
        await card.GetByRole(AriaRole.Link, new() { Name = "Show passage" }).ClickAsync();
        await Expect(page.Locator("mark:target")).ToHaveCountAsync(1);

        await GoAsync(page, "/themes/devolution");
        var passage = page.Locator(".theme-passage").Filter(new() { HasText = Plain(sentence) });
        await Expect(passage).ToHaveCountAsync(1);
        await Expect(passage).ToContainTextAsync("tagged by browser.tagger");
        await SaveScreenshotAsync(page, "theme-devolution");
        await GoAsync(page, "/themes");
        await SaveScreenshotAsync(page, "themes");

        // Someone else, signed in, cannot delete it.
        var other = await NewPageAsync();
        await GoAsync(other, "/account/register");
        await RegisterAsync(other, "browser.other");
        await other.GotoAsync(articleUrl);
        var slug = new Uri(articleUrl).Segments[^1];
        var status = await other.EvaluateAsync<int>("""
            async slug => {
                const tags = await (await fetch(`/api/articles/${slug}/annotations`)).json();
                const token = await (await fetch("/api/antiforgery")).json();
                const id = new URL(tags[0].id).pathname;
                const response = await fetch(id, { method: "DELETE", headers: { [token.headerName]: token.token } });
                return response.status;
            }
            """, slug);
        Assert.Equal(403, status);
        await other.ReloadAsync();
        await Expect(other.Locator("#article-text mark.hl--t-devolution")).ToHaveTextAsync(sentence);
        // The refused DELETE is the one error the browser logs.
        Assert.True(ConsoleErrors.All(e => e.Contains("status of 403", StringComparison.Ordinal)), string.Join("\n", ConsoleErrors));
    }
}
