using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LocalGovBlog.IntegrationTests.Accounts;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.IntegrationTests.Annotations;

/// <summary>The codebook is deliberate: names fold alike everywhere, typos meet their near match, a fresh theme can be taken back.</summary>
public sealed class CodebookTests : IAsyncLifetime
{
    private readonly ArchiveFactory _factory = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<FormsClient> SignedInAsync(string name)
    {
        var client = new FormsClient(_factory);
        await client.RegisterAsync(name);
        return client;
    }

    [Theory]
    [InlineData("Devolutoin", "Devolution")]
    [InlineData("devolution", "Devolution")]
    [InlineData("Housng", "Housing")]
    [InlineData("co production", "Co-production")]
    public async Task Similar_OffersTheNearMatch(string typed, string expected)
    {
        var names = await new FormsClient(_factory).Http.GetFromJsonAsync<JsonElement>($"/api/themes/similar?name={Uri.EscapeDataString(typed)}", Cancel);
        Assert.Equal(expected, names[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Similar_OffersNothingForANewIdea()
    {
        var names = await new FormsClient(_factory).Http.GetFromJsonAsync<JsonElement>("/api/themes/similar?name=Climate%20emergency", Cancel);
        Assert.Equal(0, names.GetArrayLength());
    }

    [Theory]
    [InlineData("DEVOLUTION")]
    [InlineData("Dévolution")]
    [InlineData("Co production")]
    public async Task Create_RefusesANameThatFoldsToAnExistingOne(string name)
    {
        var client = await SignedInAsync("folder");
        var response = await client.SendApiAsync(HttpMethod.Post, "/api/themes", json: new { name });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(10, await _factory.QueryAsync(db => db.Themes.CountAsync(Cancel)));
    }

    [Fact]
    public async Task Creator_UndoesAnUnusedThemeWithinAMinute_OthersCannot()
    {
        var creator = await SignedInAsync("first-admin-creator"); // first account: admin; make the creator a plain reader below
        var reader = await SignedInAsync("reader-creator");
        var other = await SignedInAsync("reader-other");
        var created = await reader.SendApiAsync(HttpMethod.Post, "/api/themes", json: new { name = "Climate emergency" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.SendApiAsync(HttpMethod.Delete, "/api/themes/climate-emergency")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await reader.SendApiAsync(HttpMethod.Delete, "/api/themes/climate-emergency")).StatusCode);
        Assert.False(await _factory.QueryAsync(db => db.Themes.AnyAsync(t => t.Slug == "climate-emergency", Cancel)));
        // A seeded theme is not the reader's to take back.
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.SendApiAsync(HttpMethod.Delete, "/api/themes/brexit")).StatusCode);
        Assert.NotNull(creator);
    }

    [Fact]
    public async Task Creator_CannotUndoAThemeOnceATagUsesIt()
    {
        await SignedInAsync("first-admin-used");
        var reader = await SignedInAsync("reader-used");
        await reader.SendApiAsync(HttpMethod.Post, "/api/themes", json: new { name = "Civic pride" });
        var list = await reader.Http.GetFromJsonAsync<JsonElement>("/api/articles", Cancel);
        var slug = list.GetProperty("items")[0].GetProperty("slug").GetString()!;
        var text = await TaggingClient.TextAsync(reader, slug);
        await TaggingClient.TagAsync(reader, slug, text, text[..20], ["civic-pride"]);

        Assert.Equal(HttpStatusCode.Conflict, (await reader.SendApiAsync(HttpMethod.Delete, "/api/themes/civic-pride")).StatusCode);
    }
}
