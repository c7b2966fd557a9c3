using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.IntegrationTests.Annotations;
using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGovBlog.IntegrationTests.Instances;

/// <summary>
/// Two instances of the app on one PostgreSQL database, as behind a load balancer: started together on an empty
/// database (one migrates and seeds, the other finds it done), one session cookie good on both, and every write
/// through one seen by the other at once.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private readonly string _database = PostgreSqlServer.CreateDatabase(migrated: false);
    private ArchiveFactory _first = null!;
    private ArchiveFactory _second = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _first = new ArchiveFactory(seed: true, environment: "Production", databasePath: _database);
        _second = new ArchiveFactory(seed: true, environment: "Production", databasePath: _database);
        // Both start at the same moment on an empty database.
        await Task.WhenAll(Task.Run(_first.EnsureStarted, Cancel), Task.Run(_second.EnsureStarted, Cancel));
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        PostgreSqlServer.DropDatabase(_database);
    }

    [Fact]
    public async Task StartedTogether_TheMigrationsRanOnce_AndTheSeedWasImportedOnce()
    {
        var applied = new[] { _first, _second }.Select(f => f.Services.GetRequiredService<StoreStartup>().AppliedMigrations).Order().ToList();
        var known = await _first.QueryAsync(db => Task.FromResult(db.Database.GetMigrations().Count()));
        var history = await _first.QueryAsync(db => db.Database.GetAppliedMigrationsAsync(Cancel));

        Assert.Equal([0, known], applied);
        Assert.Equal(known, history.Count());
        Assert.Equal(3, await _second.QueryAsync(db => db.Articles.CountAsync(Cancel)));
    }

    [Fact]
    public async Task AnonymousReadersOfTheOther_SeeATagAtOnce_ForPagesAreNotKeptOnPostgreSql()
    {
        var writer = new FormsClient(_first);
        await writer.RegisterAsync("balanced.writer");
        var slug = (await writer.Http.GetFromJsonAsync<JsonElement>("/api/articles", Cancel)).GetProperty("items")[0].GetProperty("slug").GetString()!;
        var reader = new FormsClient(_second);
        Assert.DoesNotContain("quodlibetic marginalia", await reader.Http.GetStringAsync($"/articles/{slug}", Cancel), StringComparison.Ordinal);

        var text = await TaggingClient.TextAsync(writer, slug);
        await TaggingClient.TagAsync(writer, slug, text, text[..text.IndexOf(' ', 20)], ["devolution"], "quodlibetic marginalia");

        Assert.Contains("quodlibetic marginalia", await reader.Http.GetStringAsync($"/articles/{slug}", Cancel), StringComparison.Ordinal);
        Assert.Contains("quodlibetic marginalia", await reader.Http.GetStringAsync("/themes/devolution", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInOnOne_TagsOnTheOther_WithTheSameCookie_AndEachSeesTheOthersTagsAtOnce()
    {
        var cookies = new CookieContainer();
        var onFirst = new FormsClient(_first, cookies);
        var onSecond = new FormsClient(_second, cookies);
        Assert.Equal(HttpStatusCode.Found, (await onFirst.RegisterAsync("balanced.reader")).StatusCode); // registered: redirected on

        var me = await onSecond.MeAsync();
        Assert.NotNull(me);
        Assert.Equal("balanced.reader", me.UserName);
        Assert.Equal(["admin"], me.Roles); // the first account, whichever instance served it

        var slug = (await onFirst.Http.GetFromJsonAsync<JsonElement>("/api/articles", Cancel)).GetProperty("items")[0].GetProperty("slug").GetString()!;
        var text = await TaggingClient.TextAsync(onFirst, slug);
        var words = text[..text.IndexOf(' ', 20)];
        var tagged = await TaggingClient.TagAsync(onSecond, slug, text, words, ["devolution"], "zeugmatic marginalia");

        var seenOnFirst = await onFirst.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}/annotations", Cancel);
        Assert.Equal(tagged.GetProperty("id").GetString(), Assert.Single(seenOnFirst.EnumerateArray()).GetProperty("id").GetString());
        var found = await onFirst.Http.GetFromJsonAsync<JsonElement>("/api/articles?q=zeugmatic", Cancel);
        Assert.Equal(slug, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("slug").GetString());

        // And back the other way: a change through the first shows on the second.
        var path = new Uri(tagged.GetProperty("id").GetString()!).AbsolutePath;
        var deleted = await onFirst.SendApiAsync(HttpMethod.Delete, path);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, (await onSecond.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}/annotations", Cancel)).GetArrayLength());
    }

    [Fact]
    public async Task SigningOutOnOne_EndsTheSessionOnTheOther()
    {
        var cookies = new CookieContainer();
        var onFirst = new FormsClient(_first, cookies);
        await onFirst.RegisterAsync("leaving.reader");
        var copied = new CookieContainer();
        copied.Add(cookies.GetAllCookies());
        Assert.NotNull(await new FormsClient(_second, copied).MeAsync());

        await onFirst.SignOutAsync();

        Assert.Null(await new FormsClient(_second, copied).MeAsync());
    }

    [Fact]
    public async Task RegisteringOnBothAtOnce_MakesExactlyOneAdmin()
    {
        var registrations = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            new FormsClient(i % 2 == 0 ? _first : _second).RegisterAsync($"racer.{i}")));
        Assert.All(registrations, r => Assert.Equal(HttpStatusCode.Found, r.StatusCode)); // each registered and redirected on

        var admins = await _first.QueryAsync(db =>
            db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).CountAsync(n => n == "admin", Cancel));

        Assert.Equal(1, admins);
    }
}
