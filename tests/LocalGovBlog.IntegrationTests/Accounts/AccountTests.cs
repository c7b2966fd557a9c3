using System.Net;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.IntegrationTests.Accounts;

public sealed class AccountTests() : ArchiveTest(environment: "Production")
{
    [Theory]
    [InlineData("/")]
    [InlineData("/articles/creating-our-fate-through-our-own-behaviours")]
    [InlineData("/authors")]
    [InlineData("/authors/catherine-staite")]
    [InlineData("/account/signin")]
    [InlineData("/account/register")]
    [InlineData("/api/articles")]
    public async Task AnonymousReader_ReadsEveryPage(string path)
    {
        var response = await new FormsClient(Factory).Http.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task FirstAccount_IsAdminAndTheSecondIsNot()
    {
        var first = new FormsClient(Factory);
        var second = new FormsClient(Factory);

        Assert.Equal(HttpStatusCode.Redirect, (await first.RegisterAsync("first.person")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.RegisterAsync("second.person")).StatusCode);

        Assert.Equal(["admin"], (await first.MeAsync())!.Roles);
        Assert.Empty((await second.MeAsync())!.Roles);
    }

    [Fact]
    public async Task AnonymousPostToAProtectedHandler_IsSentToSignIn()
    {
        var client = new FormsClient(Factory);

        var response = await client.PostFormAsync("/account/signin", new Dictionary<string, string> { ["Password.Current"] = "x", ["Password.New"] = "y" },
            action: "/account/manage?handler=Password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/signin", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task AnonymousWriteToTheApi_Is401()
    {
        var response = await new FormsClient(Factory).SendApiAsync(HttpMethod.Put, "/api/admin/users/someone/roles/editor");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostWithoutAnAntiforgeryToken_Is400()
    {
        var client = new FormsClient(Factory);
        await client.RegisterAsync("tokenless");

        var page = await client.PostFormAsync("/account/signout", new Dictionary<string, string>(), withToken: false);
        var api = await client.SendApiAsync(HttpMethod.Put, "/api/admin/users/someone/roles/editor", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.NotNull(await client.MeAsync());
    }

    [Fact]
    public async Task EleventhRapidFailedSignIn_IsRefused()
    {
        var owner = new FormsClient(Factory);
        await owner.RegisterAsync("target.user");
        var attacker = new FormsClient(Factory);

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 11; attempt++)
        {
            statuses.Add((await attacker.SignInAsync("target.user", "wrong password " + attempt)).StatusCode);
        }

        Assert.All(statuses.Take(10), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        var retry = await attacker.SignInAsync("target.user");
        Assert.True(retry.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 carries Retry-After");
        // The account itself is not locked: lockout is per user name and address (LockoutTests), so an
        // attacker elsewhere cannot lock its owner out.
        var lockedUntil = await Factory.QueryAsync(db => db.Users.Where(u => u.UserName == "target.user").Select(u => u.LockoutEnd).SingleAsync(Cancel));
        Assert.Null(lockedUntil);
    }

    [Fact]
    public async Task NonAdmin_CannotReachTheUsersPage()
    {
        await new FormsClient(Factory).RegisterAsync("the.admin");
        var reader = new FormsClient(Factory);
        await reader.RegisterAsync("just.a.reader");

        var page = await reader.Http.GetAsync("/admin/users", Cancel);
        var api = await reader.Http.GetAsync("/api/admin/users", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/denied", page.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task Admin_GrantsTheEditorRoleOnTheUsersPage()
    {
        var admin = new FormsClient(Factory);
        await admin.RegisterAsync("the.admin");
        var editor = new FormsClient(Factory);
        await editor.RegisterAsync("future.editor");
        var editorId = (await editor.MeAsync())!.Id;

        var response = await admin.PostFormAsync("/admin/users", new Dictionary<string, string>
        {
            ["userId"] = editorId,
            ["role"] = "editor",
            ["grant"] = "true",
        }, action: "/admin/users?handler=Role");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["editor"], (await editor.MeAsync())!.Roles);
    }

    [Fact]
    public async Task LastAdmin_CannotRemoveTheirOwnAdminRole()
    {
        var admin = new FormsClient(Factory);
        await admin.RegisterAsync("only.admin");
        var id = (await admin.MeAsync())!.Id;

        var response = await admin.SendApiAsync(HttpMethod.Delete, $"/api/admin/users/{id}/roles/admin");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["admin"], (await admin.MeAsync())!.Roles);
    }

    [Theory]
    [InlineData("short pass1", "12 to 128 characters")]
    [InlineData("password1234", "most common")]
    [InlineData("aaaaaaaaaaaaaaaa", "most common")]
    public async Task WeakPasswords_AreRefusedWithAReason(string password, string reason)
    {
        var response = await new FormsClient(Factory).RegisterAsync("careless.user", password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSessionEvenForACopiedCookie()
    {
        var client = new FormsClient(Factory);
        await client.RegisterAsync("careful.user");
        var copied = new CookieContainer();
        copied.Add(client.Cookies.GetAllCookies());

        await client.SignOutAsync();

        Assert.Null(await client.MeAsync());
        Assert.Null(await new FormsClient(Factory, copied).MeAsync());
    }

    [Fact]
    public async Task SignIn_IssuesAFreshSessionCookie()
    {
        var client = new FormsClient(Factory);
        await client.RegisterAsync("returning.user");
        var before = client.Cookies.GetAllCookies()["LocalGovBlog.Session"]?.Value;
        await client.SignOutAsync();

        var response = await client.SignInAsync("returning.user");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = client.Cookies.GetAllCookies()["LocalGovBlog.Session"];
        Assert.NotNull(after);
        Assert.NotEqual(before, after.Value);
        Assert.True(after.HttpOnly);
        Assert.True(after.Secure);
    }

    [Fact]
    public async Task ChangePasswordAndDeleteAccount_WorkForTheOwner()
    {
        var client = new FormsClient(Factory);
        await new FormsClient(Factory).RegisterAsync("someone.else"); // the admin, so the owner may leave
        await client.RegisterAsync("leaving.user");

        var changed = await client.PostFormAsync("/account/manage", new Dictionary<string, string>
        {
            ["Password.Current"] = FormsClient.StrongPassword,
            ["Password.New"] = "a brand new long passphrase",
        }, action: "/account/manage?handler=Password");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var deleted = await client.PostFormAsync("/account/manage", new Dictionary<string, string>
        {
            ["Delete.Password"] = "a brand new long passphrase",
        }, action: "/account/manage?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        Assert.Null(await client.MeAsync());
        var signIn = await client.SignInAsync("leaving.user", "a brand new long passphrase");
        Assert.Contains("do not match an account", await signIn.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
