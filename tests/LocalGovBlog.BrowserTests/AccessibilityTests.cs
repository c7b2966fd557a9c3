using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static LocalGovBlog.BrowserTests.TaggingFlows;

namespace LocalGovBlog.BrowserTests;

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules on every page and state a person meets: signed out, signed in,
/// as an admin, with the tagging dialog open, with a refused form; on a desktop and a phone, in the
/// light and the dark scheme. Each state is also saved as a screenshot for a person to look at.
/// </summary>
public sealed class AccessibilityTests(ArchiveSite site, Chromium chromium) : BrowserTest(site, chromium)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static TheoryData<string, string> Layouts => new()
    {
        { "desktop", "light" },
        { "desktop", "dark" },
        { "phone", "light" },
        { "phone", "dark" },
    };

    private static readonly (string Path, string Name)[] ReaderPages =
    [
        ("/", "home"),
        (Article, "article"),
        ("/articles/cities-will-need-to-lead-the-way-post-brexit", "article-excerpt"),
        ("/authors", "authors"),
        ("/authors/anthony-mason", "author"),
        ("/themes", "themes"),
        ("/themes/devolution", "theme"),
        ("/search?q=partnership", "search"),
        ("/search?q=zzzzqqq", "search-empty"),
        ("/account/signin", "signin"),
        ("/account/register", "register"),
        ("/articles/no-such-post", "not-found"),
    ];

    /// <summary>The tagging tests use the other seed article; this one is the accessibility test's own.</summary>
    private const string OwnArticle = "/articles/catherine-staite-reflects-on-the-need-for-21st-century-partnerships-in-birmingham";

    private readonly List<string> _violations = [];

    private async Task CheckAsync(IPage page, string state, string layout, string scheme, bool fullPage = true)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var result = await page.RunAxe(Wcag21AA);
        foreach (var violation in result.Violations)
        {
            _violations.Add($"{state} ({layout}, {scheme}): {violation.Id} — {violation.Help}: "
                + string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html)));
        }
        await SaveScreenshotAsync(page, $"axe-{state}-{layout}-{scheme}", fullPage);
    }

    private static BrowserNewContextOptions Options(string layout, string scheme)
    {
        var colors = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light;
        return layout == "phone" ? PhoneIn(colors) : Desktop(colors);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task EveryPageAndState_PassesWcag21AA(string layout, string scheme)
    {
        var reader = await NewPageAsync(Options(layout, scheme));
        foreach (var (path, name) in ReaderPages)
        {
            await GoAsync(reader, path);
            await CheckAsync(reader, name, layout, scheme);
        }

        await GoAsync(reader, "/account/register");
        await reader.GetByLabel("User name").FillAsync("x");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(reader.Locator("[data-error-summary]")).ToBeFocusedAsync();
        await CheckAsync(reader, "register-errors", layout, scheme);

        // Signed in, as an admin (who sees every page), with a tag on the article.
        var admin = await NewPageAsync(Options(layout, scheme));
        var userName = $"axe.{layout}.{scheme}";
        await RegisterAsync(admin, Site, userName, OwnArticle);
        await GrantAdminAsync(Site, userName);
        await TaggingTests.TagThroughApiAsync(admin, 1, "devolution", "Who holds the **mayors** to account?", "accountability", OwnArticle.Split('/')[^1]);
        await admin.ReloadAsync();
        await CheckAsync(admin, "article-signed-in", layout, scheme);

        await SelectSentenceAsync(admin, 2);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Tag selection" }).ClickAsync();
        await Expect(admin.Locator("#tag-popover")).ToBeVisibleAsync();
        await CheckAsync(admin, "dialog-open", layout, scheme, fullPage: false);
        await admin.Locator("#tag-theme-filter").FillAsync("Devolutoin");
        await admin.Locator("#tag-theme-filter").PressAsync("Enter");
        await Expect(admin.Locator("#tag-theme-suggest")).ToBeVisibleAsync();
        await CheckAsync(admin, "dialog-did-you-mean", layout, scheme, fullPage: false);
        await admin.Keyboard.PressAsync("Escape");

        await admin.Locator(".tag-card").Filter(new() { HasText = userName }).First.GetByRole(AriaRole.Button, new() { Name = "Delete tag" }).ClickAsync();
        await Expect(admin.Locator(".tag-message")).ToBeVisibleAsync();
        await CheckAsync(admin, "tag-deleted-undo", layout, scheme, fullPage: false);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(admin.Locator(".tag-message")).ToContainTextAsync("restored");

        await admin.Locator("#tag-form summary").ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Tag paragraph" }).ClickAsync();
        await Expect(admin.Locator("[data-error-summary]")).ToBeFocusedAsync();
        await CheckAsync(admin, "paragraph-form-errors", layout, scheme, fullPage: false);

        foreach (var (path, name) in new[]
        {
            ("/themes/devolution", "theme-signed-in"),
            ("/themes/brexit/edit", "theme-edit"),
            ("/admin/users", "admin-users"),
            ("/import", "import"),
            ("/account/manage", "account"),
            ("/search?q=mayors", "search-signed-in"),
        })
        {
            await GoAsync(admin, path);
            await CheckAsync(admin, name, layout, scheme);
        }

        await GoAsync(admin, "/themes/brexit/edit");
        await admin.GetByLabel("Name").FillAsync("DEVOLUTION");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(admin.Locator("[data-error-summary]")).ToBeFocusedAsync();
        Assert.StartsWith("Error: ", await admin.TitleAsync(), StringComparison.Ordinal);
        await CheckAsync(admin, "theme-edit-errors", layout, scheme);

        Assert.True(_violations.Count == 0, string.Join("\n", _violations));
        // The not-found page's own 404 is the one error the browser logs.
        Assert.DoesNotContain(ConsoleErrors, e => !e.Contains("/articles/no-such-post", StringComparison.Ordinal));
    }
}
