using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using LocalGovBlog.IntegrationTests.Accounts;

namespace LocalGovBlog.IntegrationTests.Annotations;

/// <summary>Notes are Markdown from anyone signed in: whatever they hold, the pages that show them run nothing of theirs.</summary>
public sealed class HostileNoteTests : IAsyncLifetime
{
    private static readonly string[] Notes =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[a](javascript:alert(1))",
        "[b](JaVaScRiPt:alert(1))",
        "[c](jav&#x61;script:alert(1))",
        "[d](jav&#97;script:alert(1))",
        "[e](java\tscript:alert(1))",
        "[f](<java\nscript:alert(1)>)",
        "[g](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<javascript:alert(1)>",
        "<data:text/html,alert(1)>",
        "[h][r]\n\n[r]: javascript:alert(1)",
        "<a href=\"javascript:alert(1)\" onclick=\"alert(1)\">i</a>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<svg/onload=alert(1)>",
        "![j](javascript:alert(1))",
    ];

    private readonly ArchiveFactory _factory = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task HostileNotes_LeaveNoActiveContentOnTheArticleOrThemePage()
    {
        var client = new FormsClient(_factory);
        await client.RegisterAsync("mallory");
        var list = await client.Http.GetFromJsonAsync<JsonElement>("/api/articles", Cancel);
        var slug = list.GetProperty("items")[0].GetProperty("slug").GetString()!;
        var text = await TaggingClient.TextAsync(client, slug);
        var words = text[..40];
        foreach (var note in Notes)
        {
            await TaggingClient.TagAsync(client, slug, text, words, ["housing"], note);
        }

        foreach (var address in new[] { $"/articles/{slug}", "/themes/housing" })
        {
            var html = await client.Http.GetStringAsync(address, Cancel);
            var document = await new HtmlParser().ParseDocumentAsync(html, Cancel);
            var notes = document.QuerySelectorAll(".tag-card__note");
            Assert.True(notes.Length >= Notes.Length - 2, $"{address} shows {notes.Length} notes"); // notes that sanitise to nothing show nothing
            foreach (var element in notes.SelectMany(n => n.QuerySelectorAll("*")))
            {
                Assert.DoesNotContain(element.LocalName, new[] { "script", "img", "svg", "iframe", "object", "embed", "div" });
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                var href = element.GetAttribute("href");
                Assert.True(href is null || href.StartsWith("https:", StringComparison.Ordinal) || href.StartsWith("http:", StringComparison.Ordinal)
                    || href.StartsWith("mailto:", StringComparison.Ordinal), $"{address}: {element.OuterHtml}");
            }
            // The only scripts on the page are the site's own files.
            Assert.All(document.Scripts, s => Assert.StartsWith("/js/", s.Source ?? "", StringComparison.Ordinal));
            // Words may say "javascript:"; no attribute anywhere may hold it.
            Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes),
                a => a.Value.Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Contains("javascript:", StringComparison.OrdinalIgnoreCase));
        }
    }
}
