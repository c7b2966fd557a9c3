using System.Net.Http.Json;
using System.Text.Json;
using LocalGovBlog.IntegrationTests.Accounts;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.IntegrationTests.Annotations;

/// <summary>Tags follow their words when a re-import changes an article, and the report counts them.</summary>
public sealed class ReanchorOnImportTests : IAsyncLifetime
{
    private const string Slug = "what-the-devolution-deals-leave-out";
    private readonly ArchiveFactory _factory = new(seed: false);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task EditedDump_KeepsMovesAndOrphansTags_AndReportsTheCounts()
    {
        var original = await File.ReadAllTextAsync(RepositoryPaths.TestData("multi-post.txt"), Cancel);
        await _factory.ImportAsync(_factory.WriteDump("v1.txt", original));
        var client = new FormsClient(_factory);
        await client.RegisterAsync("tagger");
        var text = await TaggingClient.TextAsync(client, Slug);

        string[] passages =
        [
            "a mayor, a combined authority",              // before the edit: kept
            "scrutiny committee with its own budget",     // after the edit: moved
            "Without these the deals concentrate power",  // after the edit: moved
            "a duty on the mayor to respond in writing",  // deleted: orphaned
        ];
        var ids = new List<int>();
        foreach (var words in passages)
        {
            var created = await TaggingClient.TagAsync(client, Slug, text, words, ["devolution"], "why this matters");
            ids.Add(int.Parse(new Uri(created.GetProperty("id").GetString()!).Segments[^1], System.Globalization.CultureInfo.InvariantCulture));
        }

        var edited = original
            .Replace("What is missing is any serious account of scrutiny.",
                "What is missing, as several councils have told us, is any serious account of scrutiny.", StringComparison.Ordinal)
            .Replace("• a duty on the mayor to respond in writing\n", "", StringComparison.Ordinal);
        Assert.NotEqual(original, edited);
        var report = await _factory.ImportAsync(_factory.WriteDump("v2.txt", edited));

        Assert.Equal(1, report.Updated);
        Assert.Equal((1, 2, 1), (report.TagsKept, report.TagsMoved, report.TagsOrphaned));

        var newText = await TaggingClient.TextAsync(client, Slug);
        var tags = await _factory.QueryAsync(db => db.Annotations.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Cancel));
        for (var i = 0; i < 3; i++)
        {
            var tag = tags.Single(t => t.Id == ids[i]);
            Assert.False(tag.IsOrphan);
            Assert.Equal(newText.IndexOf(passages[i], StringComparison.Ordinal), tag.Start);
            Assert.Equal(passages[i], newText[tag.Start..tag.End]);
        }
        Assert.Equal(text.IndexOf(passages[0], StringComparison.Ordinal), tags.Single(t => t.Id == ids[0]).Start);
        var orphan = tags.Single(t => t.Id == ids[3]);
        Assert.True(orphan.IsOrphan);
        Assert.Equal(passages[3], orphan.Exact);

        // The API says so too: the orphan keeps its quote but no position.
        var listed = await client.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{Slug}/annotations", Cancel);
        var orphanJson = listed.EnumerateArray().Single(a => a.GetProperty("orphan").GetBoolean());
        Assert.DoesNotContain(orphanJson.GetProperty("target").GetProperty("selector").EnumerateArray(),
            s => s.GetProperty("type").GetString() == "TextPositionSelector");
    }

    [Fact]
    public async Task SameDumpAgain_LeavesEveryTagAlone()
    {
        var path = _factory.WriteDump("v1.txt", await File.ReadAllTextAsync(RepositoryPaths.TestData("multi-post.txt"), Cancel));
        await _factory.ImportAsync(path);
        var client = new FormsClient(_factory);
        await client.RegisterAsync("tagger");
        var text = await TaggingClient.TextAsync(client, Slug);
        await TaggingClient.TagAsync(client, Slug, text, "a mayor, a combined authority", ["devolution"]);

        var report = await _factory.ImportAsync(path);

        Assert.Equal((0, 0, 0), (report.TagsKept, report.TagsMoved, report.TagsOrphaned));
        var tag = await _factory.QueryAsync(db => db.Annotations.AsNoTracking().SingleAsync(Cancel));
        Assert.Equal(text.IndexOf("a mayor, a combined authority", StringComparison.Ordinal), tag.Start);
    }
}
