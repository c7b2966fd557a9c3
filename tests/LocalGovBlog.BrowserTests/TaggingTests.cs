using System.Text.Json;
using Microsoft.Playwright;
using static LocalGovBlog.BrowserTests.TaggingFlows;

namespace LocalGovBlog.BrowserTests;

public sealed class TaggingTests(ArchiveSite site, Chromium chromium) : BrowserTest(site, chromium)
{
    // Saving is several requests and a re-render; on a busy 2-core machine that can take more than the default 5 s.
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 30_000 };

    private static async Task TabToAsync(IPage page, string selector, int limit = 60)
    {
        for (var i = 0; i < limit; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement && document.activeElement.matches(s)", selector))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        throw new InvalidOperationException($"{selector} was not reached in {limit} Tabs.");
    }

    [Fact]
    public async Task Keyboard_TagsASentence_WithoutAMouse_AndFindsTheHighlightAfterReload()
    {
        var page = await NewPageAsync(Desktop());
        await RegisterAsync(page, Site, "keyboard.tagger");
        await Expect(page).ToHaveURLAsync(Site.Url(Article).ToString());

        await TabToAsync(page, "#article-text");
        await page.Keyboard.PressAsync("ArrowDown");
        var sentence = await page.EvaluateAsync<string>("() => window.getSelection().toString()");
        Assert.EndsWith(".", sentence, StringComparison.Ordinal);
        await Expect(page.Locator("#tag-adder")).ToBeVisibleAsync();
        await Expect(page.Locator("#tag-live")).ToContainTextAsync("Sentence 1 of");

        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Tag this passage" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(page.Locator("#tag-theme-filter")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("devo");
        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog.GetByLabel("Devolution")).ToBeCheckedAsync();
        await SaveScreenshotAsync(page, "keyboard-dialog-desktop", fullPage: false);

        // Focus stays in the dialog: Shift+Tab from the first field wraps to its last button.
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Save tag" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        var highlight = page.Locator("#article-text mark.hl--t-devolution");
        await Expect(highlight).ToHaveTextAsync(sentence, Slow);
        await Expect(page.Locator("#tag-live")).ToHaveTextAsync("Tagged as Devolution.", Slow);
        await Expect(highlight).ToBeFocusedAsync();
        Assert.Contains("Devolution", await highlight.GetAttributeAsync("title"), StringComparison.Ordinal);
        var describedBy = await highlight.GetAttributeAsync("aria-describedby");
        await Expect(page.Locator($"#{describedBy}")).ToContainTextAsync("Devolution");

        await page.ReloadAsync();
        await Expect(page.Locator("#article-text mark.hl--t-devolution")).ToHaveTextAsync(sentence);
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task Escape_ClosesTheDialog_AndGivesBackTheSelection()
    {
        var page = await NewPageAsync(Desktop());
        await RegisterAsync(page, Site, "escape.tagger");
        await TabToAsync(page, "#article-text");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Shift+ArrowDown");
        var twoSentences = await page.EvaluateAsync<string>("() => window.getSelection().toString()");
        await page.Keyboard.PressAsync("t");
        await Expect(page.Locator("#tag-popover")).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Escape");

        await Expect(page.Locator("#tag-popover")).ToBeHiddenAsync();
        await Expect(page.Locator("#article-text")).ToBeFocusedAsync();
        Assert.Equal(twoSentences, await page.EvaluateAsync<string>("() => window.getSelection().toString()"));
    }

    [Fact]
    public async Task Phone_TagsATouchSelection_InASheetDockedAtTheBottom()
    {
        var page = await NewPageAsync(Phone);
        await RegisterAsync(page, Site, "phone.tagger");
        var sentence = await SelectSentenceAsync(page, 1);

        var adder = page.GetByRole(AriaRole.Button, new() { Name = "Tag selection" });
        await Expect(adder).ToBeVisibleAsync();
        await adder.TapAsync();
        var sheet = page.Locator("#tag-popover");
        await Expect(sheet).ToBeVisibleAsync();
        await Expect(sheet).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-docked"));
        // The on-screen keyboard stays down: nothing typed into is focused.
        await Expect(page.Locator("#tag-theme-filter")).Not.ToBeFocusedAsync();
        var box = (await sheet.BoundingBoxAsync())!;
        Assert.True(box.Y + box.Height <= 844.5, $"the sheet ends at {box.Y + box.Height}px, below the screen");
        var save = sheet.GetByRole(AriaRole.Button, new() { Name = "Save tag" });
        await Expect(save).ToBeInViewportAsync();
        var theme = sheet.Locator("label.tag-popover__theme").Filter(new() { HasText = "Housing" });
        Assert.True((await theme.BoundingBoxAsync())!.Height >= 44, "a theme's target is smaller than 44 px");
        await SaveScreenshotAsync(page, "phone-sheet", fullPage: false);

        await theme.TapAsync();
        await save.TapAsync();

        await Expect(page.Locator("#article-text mark.hl--t-housing")).ToHaveTextAsync(sentence, Slow);
        await page.ReloadAsync();
        await Expect(page.Locator("#article-text mark.hl--t-housing")).ToHaveTextAsync(sentence);
        // On a phone the list stays under the article.
        var text = (await page.Locator("#article-text").BoundingBoxAsync())!;
        var card = (await page.Locator(".tag-card").Filter(new() { HasText = "Housing" }).First.BoundingBoxAsync())!;
        Assert.True(card.Y > text.Y + text.Height, "the card is not under the article text");
        await SaveScreenshotAsync(page, "phone-tagged");
    }

    [Fact]
    public async Task WideScreen_PutsEachCardInTheMarginBesideItsPassage()
    {
        var page = await NewPageAsync(Desktop());
        await RegisterAsync(page, Site, "margin.tagger");
        await TagThroughApiAsync(page, 3, "leadership", "The opening.");
        await TagThroughApiAsync(page, 5, "austerity", "Further down.");
        await page.ReloadAsync();
        await Expect(page.Locator("#tags.is-margin")).ToHaveCountAsync(1);

        foreach (var theme in new[] { "leadership", "austerity" })
        {
            var mark = page.Locator($"#article-text mark.hl--t-{theme}").First;
            var id = await mark.GetAttributeAsync("data-annotations");
            var card = page.Locator($"#tag-{id}");
            await Expect(card).ToBeVisibleAsync();
            var markBox = (await mark.BoundingBoxAsync())!;
            var cardBox = (await card.BoundingBoxAsync())!;
            var textBox = (await page.Locator("#article-text").BoundingBoxAsync())!;
            Assert.True(Math.Abs(cardBox.Y - markBox.Y) <= 4, $"{theme}: card at {cardBox.Y}px, passage at {markBox.Y}px");
            Assert.True(cardBox.X >= textBox.X + textBox.Width, $"{theme}: the card is not in the margin");
        }
        await SaveScreenshotAsync(page, "margin-notes-desktop");

        // Hovering a highlight lights its card.
        var first = page.Locator("#article-text mark.hl--t-leadership").First;
        await first.HoverAsync();
        await Expect(page.Locator($"#tag-{await first.GetAttributeAsync("data-annotations")}")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-linked"));
    }

    /// <summary>Selects a sentence, opens the tag dialog and types "Devolutoin" then Enter: the near match is offered, focused.</summary>
    private static async Task<(ILocator Dialog, ILocator Suggestion)> MistypeDevolutionAsync(IPage page)
    {
        await SelectSentenceAsync(page, 6);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tag selection" }).ClickAsync();
        var dialog = page.Locator("#tag-popover");
        await page.Keyboard.TypeAsync("Devolutoin");
        await page.Keyboard.PressAsync("Enter");
        var suggestion = dialog.GetByRole(AriaRole.Button, new() { Name = "Devolution", Exact = true });
        await Expect(suggestion).ToBeFocusedAsync();
        return (dialog, suggestion);
    }

    [Fact]
    public async Task TypoInTheThemeBox_OffersTheNearMatch_AndCreatesNothingUntilConfirmed()
    {
        var page = await NewPageAsync(Desktop());
        await RegisterAsync(page, Site, "typo.tagger");
        var before = await CodebookSizeAsync(page);
        var (dialog, suggestion) = await MistypeDevolutionAsync(page);
        await Expect(dialog.Locator("#tag-theme-suggest")).ToContainTextAsync("Did you mean Devolution?");
        Assert.Equal(before, await CodebookSizeAsync(page));
        await SaveScreenshotAsync(page, "typo-did-you-mean", fullPage: false);

        // Asking to add it still asks first; "Don't add" leaves the codebook alone.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add “Devolutoin” as a new theme…" }).ClickAsync();
        await Expect(dialog.Locator("#tag-theme-confirm")).ToContainTextAsync("Add “Devolutoin” to the codebook?");
        // The dialog grew; it moves so that all of it, Save included, stays on screen.
        await Expect(dialog).ToBeInViewportAsync(new() { Ratio = 1 });
        await SaveScreenshotAsync(page, "typo-confirm", fullPage: false);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Don’t add" }).ClickAsync();
        Assert.Equal(before, await CodebookSizeAsync(page));

        await suggestion.ClickAsync();
        await Expect(dialog.GetByLabel("Devolution")).ToBeCheckedAsync();

        // A deliberate new theme can be taken back within the minute.
        await page.Locator("#tag-theme-filter").FillAsync("Civic pride");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add “Civic pride” as a new theme…" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add it" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Civic pride" })).ToBeCheckedAsync();
        Assert.Equal(before + 1, await CodebookSizeAsync(page));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Civic pride" })).ToHaveCountAsync(0);
        Assert.Equal(before, await CodebookSizeAsync(page));
    }

    [Fact]
    public async Task LateAnswersForEarlierLetters_LeaveTheNearMatchFocused()
    {
        var page = await NewPageAsync(Desktop());
        await RegisterAsync(page, Site, "late.answers");

        // Every letter typed asks for near matches; on a slow network the answers for the earlier
        // letters can arrive after the one for the whole word. Hold them back until then.
        var held = new List<IRoute>();
        var settled = new Dictionary<IRequest, TaskCompletionSource>();
        void Settle(IRequest request)
        {
            lock (held)
            {
                if (settled.TryGetValue(request, out var done))
                {
                    done.TrySetResult();
                }
            }
        }
        page.RequestFinished += (_, request) => Settle(request);
        page.RequestFailed += (_, request) => Settle(request);
        await page.RouteAsync("**/api/themes/similar?**", async route =>
        {
            if (route.Request.Url.EndsWith("name=Devolutoin", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }
            lock (held)
            {
                held.Add(route);
                settled[route.Request] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        });

        var (dialog, suggestion) = await MistypeDevolutionAsync(page);

        List<IRoute> late;
        lock (held)
        {
            late = [.. held];
        }
        Assert.NotEmpty(late);
        foreach (var route in late)
        {
            try
            {
                await route.ContinueAsync();
            }
            catch (PlaywrightException)
            {
                // The page has already given up on this question; nothing is left to let through.
            }
        }
        Task[] waits;
        lock (held)
        {
            waits = [.. late.Select(route => settled[route.Request].Task)];
        }
        await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        // Let the page handle whatever arrived before looking again.
        await page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)))");

        await Expect(suggestion).ToBeFocusedAsync();
        await Expect(dialog.Locator("#tag-theme-suggest")).ToContainTextAsync("Did you mean Devolution?");
    }

    [Fact]
    public async Task DeletingATag_CanBeUndone_AndNobodyElseCanDeleteIt()
    {
        var page = await NewPageAsync(Desktop());
        await RegisterAsync(page, Site, "delete.tagger");
        await TagThroughApiAsync(page, 2, "brexit", null);
        await page.ReloadAsync();
        var highlight = page.Locator("#article-text mark.hl--t-brexit");
        await Expect(highlight).ToHaveCountAsync(1);

        var other = await NewPageAsync(Desktop());
        await RegisterAsync(other, Site, "delete.other");
        var status = await other.EvaluateAsync<int>("""
            async slug => {
                const tags = await (await fetch(`/api/articles/${slug}/annotations`)).json();
                const mine = tags.find(t => t.body.some(b => b.value === "brexit"));
                const token = await (await fetch("/api/antiforgery")).json();
                const response = await fetch(new URL(mine.id).pathname, { method: "DELETE", headers: { [token.headerName]: token.token } });
                return response.status;
            }
            """, Article.Split('/')[^1]);
        Assert.Equal(403, status);

        var card = page.Locator(".tag-card").Filter(new() { HasText = "Brexit" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Delete tag" }).ClickAsync();
        await Expect(page.Locator(".tag-message")).ToContainTextAsync("Tag deleted.");
        await Expect(highlight).ToHaveCountAsync(0);
        await Expect(page.Locator("#tag-notice")).ToBeFocusedAsync();
        await SaveScreenshotAsync(page, "deleted-with-undo", fullPage: false);
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(page.Locator(".tag-message")).ToContainTextAsync("Tag restored.");
        await Expect(highlight).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task DeletingATagSomeoneElseJustChanged_ShowsTheConflict_AndTheTagAsItIsNow()
    {
        var page = await NewPageAsync(Desktop());
        await RegisterAsync(page, Site, "conflict.tagger");
        await TagThroughApiAsync(page, 3, "housing", "my first reading");
        await page.ReloadAsync();
        var card = page.Locator(".tag-card").Filter(new() { HasText = "my first reading" });
        await Expect(card).ToHaveAttributeAsync("data-version", "1");

        // An editor, in a browser of their own, rewrites the note while the tagger's page still shows version 1.
        var editor = await NewPageAsync(Desktop());
        await RegisterAsync(editor, Site, "conflict.editor");
        await GrantAsync(Site, "conflict.editor", LocalGovBlog.Web.Accounts.AppRoles.Editor);
        var status = await editor.EvaluateAsync<int>("""
            async slug => {
                const tags = await (await fetch(`/api/articles/${slug}/annotations`)).json();
                const tag = tags.find(t => t.body.some(b => b.value === "my first reading"));
                const body = tag.body.filter(b => b.purpose === "tagging")
                    .concat([{ type: "TextualBody", purpose: "commenting", value: "the editor's reading" }]);
                const token = await (await fetch("/api/antiforgery")).json();
                const response = await fetch(new URL(tag.id).pathname, {
                    method: "PUT",
                    headers: { "Content-Type": "application/json", "If-Match": `"${tag.version}"`, [token.headerName]: token.token },
                    body: JSON.stringify({ body, target: tag.target, public: true })
                });
                return response.status;
            }
            """, Article.Split('/')[^1]);
        Assert.Equal(200, status);

        await card.GetByRole(AriaRole.Button, new() { Name = "Delete tag" }).ClickAsync();

        await Expect(page.Locator(".tag-message")).ToContainTextAsync("Someone else changed this tag since this page loaded");
        // The notice is in view and has focus, so a screen reader reads it out, as after a deletion.
        await Expect(page.Locator(".tag-message")).ToBeInViewportAsync();
        await Expect(page.Locator("#tag-notice")).ToBeFocusedAsync();
        var current = page.Locator(".tag-card").Filter(new() { HasText = "the editor's reading" });
        await Expect(current).ToHaveAttributeAsync("data-version", "2");
        await Expect(card).ToHaveCountAsync(0); // the old note is gone from the page
        await SaveScreenshotAsync(page, "tag-changed-elsewhere", fullPage: false);

        // The notice leads on to the tag as it is now.
        await page.Locator(".tag-message").GetByRole(AriaRole.Link, new() { Name = "Go to the tag as it is now" }).ClickAsync();
        await Expect(current).ToBeInViewportAsync();

        // From the version it now shows, the page's delete goes through.
        await current.GetByRole(AriaRole.Button, new() { Name = "Delete tag" }).ClickAsync();
        await Expect(page.Locator(".tag-message")).ToContainTextAsync("Tag deleted.");
        await Expect(current).ToHaveCountAsync(0);
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task TwoThemes_ShowAsTwoColours()
    {
        var page = await NewPageAsync(Desktop());
        await RegisterAsync(page, Site, "stripes.tagger");
        await TagThroughApiAsync(page, 4, "partnership", null, "local-finance");
        await page.ReloadAsync();
        var mark = page.Locator("#article-text mark.hl--multi").First;
        await Expect(mark).ToHaveCountAsync(1);
        var style = await mark.EvaluateAsync<string[]>("m => [getComputedStyle(m).backgroundColor, getComputedStyle(m).backgroundImage]");
        Assert.NotEqual("rgba(0, 0, 0, 0)", style[0]);
        Assert.Contains("linear-gradient", style[1], StringComparison.Ordinal);
        Assert.Contains("Partnership", await mark.GetAttributeAsync("title"), StringComparison.Ordinal);
        Assert.Contains("Local finance", await mark.GetAttributeAsync("title"), StringComparison.Ordinal);
    }

    private static async Task<int> CodebookSizeAsync(IPage page) =>
        await page.EvaluateAsync<int>("async () => (await (await fetch('/api/themes')).json()).length");

    /// <summary>Tags the first sentence of paragraph <paramref name="index"/> through the API, as the page script does.</summary>
    internal static Task TagThroughApiAsync(IPage page, int index, string theme, string? note, string? secondTheme = null, string? slug = null) =>
        page.EvaluateAsync("""
            async ([slug, index, theme, note, second]) => {
                const article = await (await fetch(`/api/articles/${slug}`)).json();
                const block = article.blocks.filter(b => b.kind === "paragraph")[index];
                const words = article.text.slice(block.start, block.end);
                const end = words.indexOf(". ") >= 0 ? block.start + words.indexOf(". ") + 1 : block.end;
                const cp = n => Array.from(article.text.slice(0, n)).length;
                const body = [{ type: "TextualBody", purpose: "tagging", value: theme }];
                if (second) body.push({ type: "TextualBody", purpose: "tagging", value: second });
                if (note) body.push({ type: "TextualBody", purpose: "commenting", value: note });
                const token = await (await fetch("/api/antiforgery")).json();
                const response = await fetch(`/api/articles/${slug}/annotations`, {
                    method: "POST",
                    headers: { "Content-Type": "application/json", [token.headerName]: token.token },
                    body: JSON.stringify({ body, target: { selector: [
                        { type: "TextQuoteSelector", exact: article.text.slice(block.start, end) },
                        { type: "TextPositionSelector", start: cp(block.start), end: cp(end) }] } })
                });
                if (!response.ok) throw new Error(await response.text());
            }
            """, new object?[] { slug ?? Article.Split('/')[^1], index, theme, note, secondTheme });
}
