using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LocalGovBlog.IntegrationTests.Accounts;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.IntegrationTests.Annotations;

public sealed class ThemeEditingTests : IAsyncLifetime
{
    private readonly ArchiveFactory _factory = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Editor_RenamesMergesAndDeletesThemes_AndReadersCannot()
    {
        var editor = new FormsClient(_factory);
        await editor.RegisterAsync("first-editor"); // the first account is an admin, which the editor policy admits
        var reader = new FormsClient(_factory);
        await reader.RegisterAsync("plain-reader");
        var list = await editor.Http.GetFromJsonAsync<JsonElement>("/api/articles", Cancel);
        var slug = list.GetProperty("items")[0].GetProperty("slug").GetString()!;
        var text = await TaggingClient.TextAsync(editor, slug);
        await TaggingClient.TagAsync(reader, slug, text, text[..30], ["austerity", "local-finance"]);
        await TaggingClient.TagAsync(reader, slug, text, text[..20], ["austerity"]);

        // A reader is turned away (to the access-denied page) and their edit is refused.
        Assert.NotEqual(HttpStatusCode.OK, (await reader.Http.GetAsync("/themes/austerity/edit", Cancel)).StatusCode);
        await reader.PostFormAsync("/themes/brexit", new Dictionary<string, string>(), action: "/themes/brexit/edit?handler=Delete");
        Assert.True(await _factory.QueryAsync(db => db.Themes.AnyAsync(t => t.Slug == "brexit", Cancel)));

        var renamed = await editor.PostFormAsync("/themes/austerity/edit", new Dictionary<string, string>
        {
            ["Form.Name"] = "Austerity and cuts",
            ["Form.Color"] = "#9a7412",
            ["Form.Description"] = "Spending cuts.",
        }, action: "/themes/austerity/edit?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        var merged = await editor.PostFormAsync("/themes/austerity/edit", new Dictionary<string, string> { ["into"] = "local-finance" },
            action: "/themes/austerity/edit?handler=Merge");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        var themes = await _factory.QueryAsync(db => db.Annotations.AsNoTracking().Select(a => a.Themes.Select(t => t.Slug).ToList()).ToListAsync(Cancel));
        Assert.All(themes, t => Assert.Equal(["local-finance"], t));
        Assert.False(await _factory.QueryAsync(db => db.Themes.AnyAsync(t => t.Slug == "austerity", Cancel)));

        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostFormAsync("/themes/local-finance/edit", new Dictionary<string, string>(),
            action: "/themes/local-finance/edit?handler=Delete")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/themes/brexit/edit", new Dictionary<string, string>(),
            action: "/themes/brexit/edit?handler=Delete")).StatusCode);
        Assert.False(await _factory.QueryAsync(db => db.Themes.AnyAsync(t => t.Slug == "brexit", Cancel)));
    }

    [Theory]
    [InlineData("DEVOLUTION")]
    [InlineData("devolution")]
    [InlineData("Dévolution")]
    [InlineData(" Devolution ")]
    public async Task Rename_ToAnotherThemesNameInAnyCase_IsRefused(string name)
    {
        var editor = new FormsClient(_factory);
        await editor.RegisterAsync("case-editor");
        var response = await editor.PostFormAsync("/themes/brexit/edit", new Dictionary<string, string>
        {
            ["Form.Name"] = name,
            ["Form.Color"] = "#c0392b",
        }, action: "/themes/brexit/edit?handler=Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already called", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("Brexit", await _factory.QueryAsync(db => db.Themes.Where(t => t.Slug == "brexit").Select(t => t.Name).SingleAsync(Cancel)));
    }
}
