using Microsoft.Playwright;

namespace LocalGovBlog.BrowserTests;

public sealed class AccountPagesTests(ArchiveSite site, Chromium chromium) : BrowserTest(site, chromium)
{
    private const string Password = "a long enough passphrase";

    [Fact]
    public async Task Reader_RegistersSignsOutSignsInAndSeesTheirNameInTheHeader()
    {
        var page = await NewPageAsync();
        await GoAsync(page, "/");
        var header = page.Locator("header.site-header");

        await header.GetByRole(AriaRole.Link, new() { Name = "Register" }).ClickAsync();
        await page.GetByLabel("User name").FillAsync("browser.reader");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await SaveScreenshotAsync(page, "register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "browser.reader" })).ToBeVisibleAsync();
        await header.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(header.GetByText("browser.reader")).ToHaveCountAsync(0);

        await header.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("User name").FillAsync("browser.reader");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "browser.reader" })).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "signed-in");
        await header.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task SignIn_WithAWrongPasswordSaysSoWithoutRevealingWhetherTheAccountExists()
    {
        var page = await NewPageAsync();
        await GoAsync(page, "/account/signin");

        await page.GetByLabel("User name").FillAsync("nobody.here");
        await page.GetByLabel("Password").FillAsync("not the password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match an account");
        await SaveScreenshotAsync(page, "signin-failed");
    }
}
