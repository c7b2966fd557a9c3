using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalGovBlog.IntegrationTests.Annotations;

/// <summary>
/// Re-imports that delete, move and reword tagged words: the import finishes, the report says
/// what became of every tag, and a tag whose words changed carries an "edited passage" mark its
/// tagger (or an editor) accepts through the API or a plain form.
/// </summary>
public sealed class EditedPassageTests : IAsyncLifetime
{
    private const string Slug = "what-the-devolution-deals-leave-out";
    private const string FinalParagraph = "Without these the deals concentrate power without the means to question it.";
    private readonly ArchiveFactory _factory = new(seed: false);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<string> ImportOriginalAsync()
    {
        var original = await File.ReadAllTextAsync(RepositoryPaths.TestData("multi-post.txt"), Cancel);
        await _factory.ImportAsync(_factory.WriteDump("v1.txt", original));
        return original;
    }

    private static int IdOf(JsonElement created) =>
        int.Parse(new Uri(created.GetProperty("id").GetString()!).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ReimportThatDeletesTheTaggedFinalParagraph_Finishes_AndReportsTheTagOrphaned()
    {
        var original = await ImportOriginalAsync();
        var client = new FormsClient(_factory);
        await client.RegisterAsync("tagger");
        var text = await TaggingClient.TextAsync(client, Slug);
        Assert.EndsWith(FinalParagraph, text, StringComparison.Ordinal); // the tag sits in the article's last stretch
        var last = IdOf(await TaggingClient.TagAsync(client, Slug, text, "the means to question it.", ["devolution"]));
        var whole = IdOf(await TaggingClient.TagAsync(client, Slug, text, FinalParagraph, ["devolution"]));
        var early = IdOf(await TaggingClient.TagAsync(client, Slug, text, "a mayor, a combined authority", ["devolution"]));

        var edited = original.Replace(FinalParagraph + "\n\n", "", StringComparison.Ordinal);
        Assert.NotEqual(original, edited);
        var report = await _factory.ImportAsync(_factory.WriteDump("v2.txt", edited));

        Assert.Equal(1, report.Updated);
        Assert.Equal((1, 2), (report.TagsKept, report.TagsOrphaned));
        Assert.Equal([last, whole], report.Tags.Where(t => t.Outcome == AnchorOutcome.Orphaned).Select(t => t.TagId).Order());
        var tags = await _factory.QueryAsync(db => db.Annotations.AsNoTracking().ToDictionaryAsync(a => a.Id, Cancel));
        Assert.True(tags[last].IsOrphan);
        Assert.True(tags[whole].IsOrphan);
        Assert.False(tags[early].IsOrphan);
        Assert.DoesNotContain(FinalParagraph, await TaggingClient.TextAsync(client, Slug), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReimportThatMovesTheTaggedFinalParagraphFirst_TakesTheTagAlong()
    {
        var original = await ImportOriginalAsync();
        var client = new FormsClient(_factory);
        await client.RegisterAsync("tagger");
        var text = await TaggingClient.TextAsync(client, Slug);
        var tag = IdOf(await TaggingClient.TagAsync(client, Slug, text, "the means to question it.", ["devolution"]));
        var first = "Every devolution deal published so far";

        var edited = original.Replace(FinalParagraph + "\n\n", "", StringComparison.Ordinal)
            .Replace(first, FinalParagraph + "\n\n" + first, StringComparison.Ordinal);
        var report = await _factory.ImportAsync(_factory.WriteDump("v2.txt", edited));

        Assert.Equal(1, report.TagsMoved);
        var newText = await TaggingClient.TextAsync(client, Slug);
        var stored = await _factory.QueryAsync(db => db.Annotations.AsNoTracking().SingleAsync(a => a.Id == tag, Cancel));
        Assert.False(stored.IsOrphan);
        Assert.Equal(newText.IndexOf("the means to question it.", StringComparison.Ordinal), stored.Start);
    }

    [Fact]
    public async Task RewordedTag_IsMarkedEdited_InTheReportAndTheApi_AndOnlyItsOwnerOrAnEditorAcceptsIt()
    {
        var original = await ImportOriginalAsync();
        var editor = new FormsClient(_factory);
        await editor.RegisterAsync("editor"); // the first account is an admin, and so an editor
        var tagger = new FormsClient(_factory);
        await tagger.RegisterAsync("tagger");
        var stranger = new FormsClient(_factory);
        await stranger.RegisterAsync("stranger");
        var text = await TaggingClient.TextAsync(tagger, Slug);
        const string Sentence = "What is missing is any serious account of scrutiny.";
        var mine = IdOf(await TaggingClient.TagAsync(tagger, Slug, text, Sentence, ["devolution"]));
        var theirs = IdOf(await TaggingClient.TagAsync(stranger, Slug, text, "a list of powers handed down from Whitehall", ["devolution"]));

        var edited = original
            .Replace("any serious account of scrutiny", "any serious account of local scrutiny", StringComparison.Ordinal)
            .Replace("handed down from Whitehall", "handed down by Whitehall", StringComparison.Ordinal);
        var report = await _factory.ImportAsync(_factory.WriteDump("v2.txt", edited));

        Assert.Equal(2, report.TagsEdited);
        var entry = report.Tags.Single(t => t.TagId == mine);
        Assert.Equal((AnchorOutcome.Edited, Sentence, "What is missing is any serious account of local scrutiny."),
            (entry.Outcome, entry.QuoteBefore, entry.QuoteAfter));

        var json = await TagJsonAsync(tagger, mine);
        Assert.Equal(Sentence, json.GetProperty("edited").GetProperty("previousQuote").GetString());

        // Someone else may not accept it; its owner may.
        var refused = await stranger.SendApiAsync(HttpMethod.Post, $"/api/annotations/{mine}/accept-edit");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var accepted = await tagger.SendApiAsync(HttpMethod.Post, $"/api/annotations/{mine}/accept-edit");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var body = await accepted.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.False(body.TryGetProperty("edited", out _));
        Assert.False((await TagJsonAsync(tagger, mine)).TryGetProperty("edited", out _));

        // An editor may accept anyone's.
        Assert.True((await TagJsonAsync(editor, theirs)).TryGetProperty("edited", out _));
        var byEditor = await editor.SendApiAsync(HttpMethod.Post, $"/api/annotations/{theirs}/accept-edit");
        Assert.Equal(HttpStatusCode.OK, byEditor.StatusCode);
        Assert.False((await TagJsonAsync(stranger, theirs)).TryGetProperty("edited", out _));

        var missing = await tagger.SendApiAsync(HttpMethod.Post, "/api/annotations/99999/accept-edit");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task EditedPassageMark_ShowsOnTheArticlePage_AndAPlainFormAcceptsIt()
    {
        var original = await ImportOriginalAsync();
        var tagger = new FormsClient(_factory);
        await tagger.RegisterAsync("tagger");
        var reader = new FormsClient(_factory);
        await reader.RegisterAsync("reader");
        var text = await TaggingClient.TextAsync(tagger, Slug);
        var tag = IdOf(await TaggingClient.TagAsync(tagger, Slug, text, "What is missing is any serious account of scrutiny.", ["devolution"]));
        await _factory.ImportAsync(_factory.WriteDump("v2.txt",
            original.Replace("any serious account of scrutiny", "any account of scrutiny", StringComparison.Ordinal)));

        // Another reader sees the mark but no way to accept it.
        var seen = await CardAsync(reader, tag);
        Assert.Contains("What is missing is any serious account of scrutiny.", seen.QuerySelector(".tag-card__edited")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("What is missing is any account of scrutiny.", seen.QuerySelector(".tag-card__quote")!.TextContent);
        Assert.Null(seen.QuerySelector(".tag-card__accept"));
        var refused = await reader.PostFormAsync($"/articles/{Slug}", new Dictionary<string, string>(), action: $"/articles/{Slug}?handler=AcceptEdit&id={tag}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotNull((await CardAsync(reader, tag)).QuerySelector(".tag-card__edited"));

        var card = await CardAsync(tagger, tag);
        var form = card.QuerySelector(".tag-card__accept");
        Assert.NotNull(form);
        var posted = await tagger.PostFormAsync($"/articles/{Slug}", new Dictionary<string, string>(), action: form.GetAttribute("action"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Null((await CardAsync(tagger, tag)).QuerySelector(".tag-card__edited"));
    }

    [Fact]
    public async Task ArticleWhoseTagsCannotBeCarried_OrphansThem_WithAWarningInTheReport()
    {
        await ImportOriginalAsync();
        var client = new FormsClient(_factory);
        await client.RegisterAsync("tagger");
        var text = await TaggingClient.TextAsync(client, Slug);
        var tag = IdOf(await TaggingClient.TagAsync(client, Slug, text, "a mayor, a combined authority", ["devolution"]));

        var report = new ImportReport { Source = "test" };
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var article = await db.Articles.SingleAsync(a => a.Slug == Slug, Cancel);
            var failing = new ArticleTagReanchorer(db, NullLogger.Instance)
            {
                AnchorFor = (_, _) => throw new InvalidOperationException("no anchor today"),
            };
            await failing.CarryAsync(article, text + " One more sentence.", line: 7, report, DateTime.UtcNow, Cancel);
            await db.SaveChangesAsync(Cancel);
        }

        Assert.Equal(1, report.TagsOrphaned);
        var warning = Assert.Single(report.Diagnostics);
        Assert.Equal((7, LocalGovBlog.Web.Import.DiagnosticKind.Warning), (warning.Line, warning.Kind));
        Assert.Contains("could not be carried", warning.Message, StringComparison.Ordinal);
        Assert.True(await _factory.QueryAsync(db => db.Annotations.Where(a => a.Id == tag).Select(a => a.IsOrphan).SingleAsync(Cancel)));
    }

    private static async Task<JsonElement> TagJsonAsync(FormsClient client, int id)
    {
        var listed = await client.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{Slug}/annotations", Cancel);
        return listed.EnumerateArray().Single(a => a.GetProperty("id").GetString()!.EndsWith($"/{id}", StringComparison.Ordinal));
    }

    private static async Task<AngleSharp.Dom.IElement> CardAsync(FormsClient client, int id)
    {
        var html = await client.Http.GetStringAsync($"/articles/{Slug}", Cancel);
        var document = await new HtmlParser().ParseDocumentAsync(html, Cancel);
        return document.QuerySelector($"#tag-{id}") ?? throw new InvalidOperationException($"no card for tag {id}");
    }
}
