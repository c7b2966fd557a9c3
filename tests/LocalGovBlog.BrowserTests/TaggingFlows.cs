using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LocalGovBlog.BrowserTests;

/// <summary>What the tagging tests share: an account per test, the article they tag, and selections made as a reader would.</summary>
internal static class TaggingFlows
{
    public const string Password = "a long enough passphrase";

    public const string Article = "/articles/creating-our-fate-through-our-own-behaviours";

    public static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
        Locale = "en-GB",
    };

    public static BrowserNewContextOptions Desktop(ColorScheme scheme = ColorScheme.Light) => new()
    {
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        Locale = "en-GB",
        ColorScheme = scheme,
    };

    public static BrowserNewContextOptions PhoneIn(ColorScheme scheme) => new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
        Locale = "en-GB",
        ColorScheme = scheme,
    };

    /// <summary>Registers through the page, starting from the article so the return address is carried.</summary>
    public static async Task RegisterAsync(IPage page, ArchiveSite site, string userName, string returnTo = Article)
    {
        await page.GotoAsync(site.Url($"/account/register?returnUrl={Uri.EscapeDataString(returnTo)}").ToString());
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator("header.site-header")).ToContainTextAsync(userName);
    }

    public static async Task GrantAsync(ArchiveSite site, string userName, string role)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}");
        if (!await users.IsInRoleAsync(user, role))
        {
            await users.AddToRoleAsync(user, role);
        }
    }

    public static Task GrantAdminAsync(ArchiveSite site, string userName) => GrantAsync(site, userName, AppRoles.Admin);

    /// <summary>Selects the first sentence of the paragraph at <paramref name="index"/>, as a drag or a long-press would
    /// (across any highlights already in it), and returns its words. Waits for the document to be parsed first: the
    /// tagging script (deferred) runs just before that, and a selection made earlier, while a slow page was still
    /// arriving, was never seen by it.</summary>
    public static async Task<string> SelectSentenceAsync(IPage page, int index = 0)
    {
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return await page.EvaluateAsync<string>("""
            index => {
                const paragraph = document.querySelectorAll("#article-text p[data-start]")[index];
                const text = paragraph.textContent;
                const stop = text.indexOf(". ") >= 0 ? text.indexOf(". ") + 1 : text.length;
                const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
                const range = document.createRange();
                let seen = 0;
                range.setStart(walker.nextNode(), 0);
                for (let node = walker.currentNode; node; node = walker.nextNode()) {
                    if (seen + node.textContent.length >= stop) {
                        range.setEnd(node, stop - seen);
                        break;
                    }
                    seen += node.textContent.length;
                }
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                return range.toString();
            }
            """, index);
    }
}
