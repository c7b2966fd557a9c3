using Microsoft.Playwright;

namespace LocalGovBlog.BrowserTests;

/// <summary>
/// The machine's Chromium driven by Playwright. Playwright's own browser download is never used:
/// the tests run against /usr/bin/chromium (or CHROMIUM_PATH). Without it a test is skipped on a
/// developer's machine and fails on CI, where a missing browser is a broken build, not a pass.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _unavailable;

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            _unavailable = $"Chromium is not installed at {ExecutablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.";
            return;
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = LaunchArgs,
        });
    }

    /// <summary>A fresh browser context (own cookies and storage) for one test.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        if (_browser is null)
        {
            var reason = _unavailable ?? "Chromium did not start.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(reason);
            }
            Assert.Skip(reason);
        }
        options ??= new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        };
        // The site serves HTTPS with a certificate made for the test run, as production serves TLS.
        options.IgnoreHTTPSErrors = true;
        return await _browser.NewContextAsync(options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
