using System.Net;
using LocalGovBlog.IntegrationTests.Accounts;

namespace LocalGovBlog.IntegrationTests.Security;

/// <summary>Pages answer only the methods they handle: anything else is refused, never a 500 or a page served as 200.</summary>
public sealed class MethodTests() : ArchiveTest(environment: "Production")
{
    private const string Article = "/articles/creating-our-fate-through-our-own-behaviours";

    [Theory]
    [InlineData(Article, HttpStatusCode.BadRequest)]                          // takes POSTs, but only with a handler
    [InlineData(Article + "?handler=Nonsense", HttpStatusCode.BadRequest)]    // a handler it does not have
    [InlineData("/authors/anthony-mason", HttpStatusCode.MethodNotAllowed)]  // reads only
    [InlineData("/themes/austerity", HttpStatusCode.MethodNotAllowed)]
    [InlineData("/", HttpStatusCode.MethodNotAllowed)]
    public async Task PostWithAValidTokenButNoHandler_IsRefusedNotAServerError(string path, HttpStatusCode expected)
    {
        var client = new FormsClient(Factory);

        // Any page's token is valid for the same visitor; the sign-in form has one.
        var response = await client.PostFormAsync("/account/signin", new Dictionary<string, string> { ["anything"] = "x" }, action: path);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.MethodNotAllowed)
        {
            Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
        }
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("Something went wrong on our side", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TRACE", "/")]
    [InlineData("OPTIONS", "/")]
    [InlineData("TRACE", Article)]
    [InlineData("OPTIONS", "/authors")]
    public async Task TraceAndOptions_Are405NotTheHomePage(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        var response = await new FormsClient(Factory).Http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.DoesNotContain("Creating our fate", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadOfAPage_StillAnswers200()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, Article);

        Assert.Equal(HttpStatusCode.OK, (await new FormsClient(Factory).Http.SendAsync(request, Cancel)).StatusCode);
    }
}
