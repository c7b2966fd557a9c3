using System.Net;
using AngleSharp.Html.Parser;

namespace LocalGovBlog.IntegrationTests.Accounts;

/// <summary>Signing up from an article brings the reader back to it, and the article then says how to tag.</summary>
public sealed class OnboardingTests : IAsyncLifetime
{
    private const string Article = "/articles/creating-our-fate-through-our-own-behaviours";

    private readonly ArchiveFactory _factory = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task ReturnAddress_SurvivesSignInToRegister_AndRegisteringLandsOnTheArticle()
    {
        var client = new FormsClient(_factory);
        var parser = new HtmlParser();
        var article = await parser.ParseDocumentAsync(await client.Http.GetStringAsync(Article, Cancel), Cancel);
        var signIn = article.QuerySelector(".site-account a[href^='/account/signin']")!.GetAttribute("href")!;
        Assert.Contains(Uri.EscapeDataString(Article), signIn, StringComparison.Ordinal);

        var signInPage = await parser.ParseDocumentAsync(await client.Http.GetStringAsync(signIn, Cancel), Cancel);
        var register = signInPage.QuerySelector("main a[href^='/account/register']")!.GetAttribute("href")!;
        var registerPage = await parser.ParseDocumentAsync(await client.Http.GetStringAsync(register, Cancel), Cancel);
        Assert.Equal(Article, registerPage.QuerySelector("input[name=returnUrl]")!.GetAttribute("value"));
        Assert.Contains(Uri.EscapeDataString(Article), registerPage.QuerySelector("main a[href^='/account/signin']")!.GetAttribute("href")!, StringComparison.Ordinal);

        var registered = await client.PostFormAsync(register, new Dictionary<string, string>
        {
            ["Form.UserName"] = "newcomer",
            ["Form.Password"] = FormsClient.StrongPassword,
            ["Form.ConfirmPassword"] = FormsClient.StrongPassword,
            ["returnUrl"] = Article,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal(Article, registered.Headers.Location!.OriginalString);

        var signedIn = await parser.ParseDocumentAsync(await client.Http.GetStringAsync(Article, Cancel), Cancel);
        var hint = signedIn.QuerySelector(".tag-hint");
        Assert.NotNull(hint);
        Assert.Contains("select words", hint.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnAddress_ElsewhereIsIgnored()
    {
        var client = new FormsClient(_factory);
        var registered = await client.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Form.UserName"] = "wanderer",
            ["Form.Password"] = FormsClient.StrongPassword,
            ["Form.ConfirmPassword"] = FormsClient.StrongPassword,
            ["returnUrl"] = "https://evil.example/",
        });
        Assert.Equal("/", registered.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task RefusedRegistration_FollowsTheGovUkPattern_AndKeepsTheUserName()
    {
        var client = new FormsClient(_factory);
        var response = await client.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Form.UserName"] = "kept-name",
            ["Form.Password"] = "short",
            ["Form.ConfirmPassword"] = "short",
        });
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Cancel), Cancel);
        Assert.StartsWith("Error: ", document.Title, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("[data-error-summary] a[href='#Form_Password']"));
        var password = document.QuerySelector("#Form_Password")!;
        Assert.Equal("true", password.GetAttribute("aria-invalid"));
        Assert.Contains("Form_Password-error", password.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.StartsWith("Error:", document.GetElementById("Form_Password-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("kept-name", document.QuerySelector("#Form_UserName")!.GetAttribute("value"));
    }
}
