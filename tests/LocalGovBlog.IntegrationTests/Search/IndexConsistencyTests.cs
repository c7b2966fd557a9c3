using System.Net;
using System.Net.Http.Json;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.IntegrationTests.Annotations;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.IntegrationTests.Search;

/// <summary>A tag note is found by search exactly while readers can see the tag: every path that removes
/// or hides tags takes the note out of the index with it.</summary>
public sealed class IndexConsistencyTests : IAsyncLifetime
{
    private const string Mason = "creating-our-fate-through-our-own-behaviours";
    private readonly ArchiveFactory _factory = new(seed: true);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static async Task<SearchPage> SearchAsync(FormsClient client, string query) =>
        (await client.Http.GetFromJsonAsync<SearchPage>($"/api/articles?{query}", Cancel))!;

    [Fact]
    public async Task DeletedAccount_TakesItsTagNotesOutOfSearch()
    {
        await new FormsClient(_factory).RegisterAsync("the.admin");
        var leaving = new FormsClient(_factory);
        await leaving.RegisterAsync("leaving.tagger");
        var text = await TaggingClient.TextAsync(leaving, Mason);
        await TaggingClient.TagAsync(leaving, Mason, text, "partnership working", ["devolution"], note: "Compare the zeppelin fleet.");
        Assert.Equal([Mason], (await SearchAsync(leaving, "q=zeppelin")).Items.Select(i => i.Slug));

        var deleted = await leaving.PostFormAsync("/account/manage", new Dictionary<string, string>
        {
            ["Delete.Password"] = FormsClient.StrongPassword,
        }, action: "/account/manage?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        var reader = new FormsClient(_factory);
        var after = await SearchAsync(reader, "q=zeppelin");
        Assert.Equal(0, after.Total);
        Assert.Empty(after.Items);
        Assert.False(await _factory.QueryAsync(db => db.Annotations.AnyAsync(Cancel)));
    }

    [Fact]
    public async Task ReimportThatOrphansATag_TakesItsNoteOutOfSearch()
    {
        const string slug = "what-the-devolution-deals-leave-out";
        var original = await File.ReadAllTextAsync(RepositoryPaths.TestData("multi-post.txt"), Cancel);
        await _factory.ImportAsync(_factory.WriteDump("v1.txt", original));
        var client = new FormsClient(_factory);
        await client.RegisterAsync("tagger");
        var text = await TaggingClient.TextAsync(client, slug);
        await TaggingClient.TagAsync(client, slug, text, "a duty on the mayor to respond in writing", ["devolution"], note: "Quokka clause.");
        await TaggingClient.TagAsync(client, slug, text, "a mayor, a combined authority", ["devolution"], note: "Wombat structure.");
        Assert.Equal(1, (await SearchAsync(client, "q=quokka")).Total);

        var report = await _factory.ImportAsync(_factory.WriteDump("v2.txt",
            original.Replace("• a duty on the mayor to respond in writing\n", "", StringComparison.Ordinal)));

        Assert.Equal(1, report.TagsOrphaned);
        Assert.Equal(0, (await SearchAsync(client, "q=quokka")).Total);
        Assert.Equal([slug], (await SearchAsync(client, "q=wombat")).Items.Select(i => i.Slug));
    }

    [Fact]
    public async Task ThemeMerge_KeepsTheMovedTagsNotesFoundUnderTheSurvivingTheme()
    {
        var editor = new FormsClient(_factory);
        await editor.RegisterAsync("the.editor"); // the first account is an admin
        var text = await TaggingClient.TextAsync(editor, Mason);
        await TaggingClient.TagAsync(editor, Mason, text, "partnership working", ["austerity"], note: "A narwhal of a problem.");

        var merged = await editor.PostFormAsync("/themes/austerity/edit", new Dictionary<string, string> { ["into"] = "local-finance" },
            action: "/themes/austerity/edit?handler=Merge");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        var survivor = await SearchAsync(editor, "q=narwhal&theme=local-finance");
        Assert.Equal([Mason], survivor.Items.Select(i => i.Slug));
        Assert.Equal(0, (await SearchAsync(editor, "q=narwhal&theme=austerity")).Total);
        Assert.Equal([("local-finance", 1)], (await SearchAsync(editor, "q=narwhal")).Facets!.Themes.Select(f => (f.Slug, f.Count)));
    }
}
