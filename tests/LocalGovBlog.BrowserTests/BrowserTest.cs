using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LocalGovBlog.BrowserTests;

/// <summary>What every browser test needs: a fresh page on the running site, the page's console
/// errors, and a place to leave full-page screenshots for a person to look at.</summary>
public abstract partial class BrowserTest(ArchiveSite site, Chromium chromium) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    protected ArchiveSite Site => site;

    /// <summary>Console errors and uncaught script errors from every page this test opened.</summary>
    protected List<string> ConsoleErrors { get; } = [];

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    protected async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await chromium.NewContextAsync(options);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add($"{message.Location}: {message.Text}");
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
        return page;
    }

    protected async Task<IResponse> GoAsync(IPage page, string pathAndQuery) =>
        await page.GotoAsync(Site.Url(pathAndQuery).ToString())
        ?? throw new InvalidOperationException($"No response for {pathAndQuery}");

    protected static async Task SaveScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(RepositoryRoot.ScreenshotsDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepositoryRoot.ScreenshotsDirectory, name + ".png"),
            FullPage = fullPage,
        });
    }

    /// <summary>Text as a reader sees it: non-breaking and repeated spaces are just a space.</summary>
    protected static string Plain(string text) => Spaces().Replace(text, " ").Trim();

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        GC.SuppressFinalize(this);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
