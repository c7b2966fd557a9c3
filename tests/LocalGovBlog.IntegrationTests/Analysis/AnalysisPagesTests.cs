using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.IntegrationTests.Annotations;

namespace LocalGovBlog.IntegrationTests.Analysis;

/// <summary>The analysis pages a reader uses: the codebook report and its Markdown, the passages behind a cell,
/// and suggestions accepted with one click from the suggestions page and from the article page.</summary>
public sealed class AnalysisPagesTests : ArchiveTest
{
    private static readonly HtmlParser Parser = new();

    private FormsClient _ann = null!;

    /// <summary>Paragraphs about partnership that ann tagged, as (slug, start, end).</summary>
    private readonly List<(string Slug, int Start, int End)> _tagged = [];

    /// <summary>Paragraphs about partnership nobody tagged, as (slug, position in the body).</summary>
    private readonly List<(string Slug, int Block)> _untagged = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _ann = new FormsClient(Factory);
        await _ann.RegisterAsync("ann");
        // Paragraphs that speak of partnership: ann tags the first two with the theme, the rest stay for suggestions.
        var list = await _ann.Http.GetFromJsonAsync<JsonElement>("/api/articles", Cancel);
        foreach (var slug in list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!))
        {
            var article = await _ann.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}", Cancel);
            var text = article.GetProperty("text").GetString()!;
            var blocks = article.GetProperty("blocks").EnumerateArray().Select((b, i) => (Ordinal: i, Start: b.GetProperty("start").GetInt32(), End: b.GetProperty("end").GetInt32()));
            foreach (var block in blocks.Where(b => text[b.Start..b.End].Contains("partnership", StringComparison.OrdinalIgnoreCase)))
            {
                if (_tagged.Count == 2)
                {
                    _untagged.Add((slug, block.Ordinal));
                    continue;
                }
                var response = await _ann.SendApiAsync(HttpMethod.Post, $"/api/articles/{slug}/annotations",
                    json: TaggingClient.Body(TaggingClient.CodePoints(text, block.Start), TaggingClient.CodePoints(text, block.End), text[block.Start..block.End], ["partnership"]));
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
                _tagged.Add((slug, block.Start, block.End));
            }
        }
        Assert.True(_untagged.Count > 0, "the seed has more than two paragraphs about partnership");
    }

    private static async Task<IHtmlDocument> PageAsync(FormsClient client, string path)
    {
        var response = await client.Http.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(Cancel), Cancel);
    }

    private async Task<int> PartnershipPassagesAsync() =>
        (await _ann.Http.GetFromJsonAsync<JsonElement>("/api/analysis/matrix?theme=partnership&taggers=mine", Cancel))
            .GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("passages").GetInt32()).DefaultIfEmpty(0).Max();

    [Fact]
    public async Task CodebookReport_ShowsEachTheme_AndDownloadsAsMarkdown()
    {
        var page = await PageAsync(new FormsClient(Factory), "/analysis/codebook");
        var partnership = page.QuerySelector("#theme-partnership")!.ParentElement!;
        var articles = _tagged.Select(t => t.Slug).Distinct().Count();
        Assert.Contains($"2 passages in {(articles == 1 ? "1 article" : $"{articles} articles")}, by 1 tagger.",
            System.Text.RegularExpressions.Regex.Replace(partnership.TextContent, @"\s+", " "), StringComparison.Ordinal);
        Assert.Equal(articles, partnership.QuerySelectorAll(".codebook-report__examples blockquote").Length);

        var response = await new FormsClient(Factory).Http.GetAsync("/analysis/codebook?format=md", Cancel);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("codebook-report.md", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var markdown = await response.Content.ReadAsStringAsync(Cancel);
        Assert.StartsWith("# Codebook report", markdown, StringComparison.Ordinal);
        Assert.Contains("\n## Partnership\n", markdown, StringComparison.Ordinal);
        Assert.Contains("tagged by ann", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PassagesBehindACell_ListTheTaggedWords()
    {
        var page = await PageAsync(new FormsClient(Factory), "/analysis/passages?of=partnership");

        Assert.Equal(_tagged.Count, page.QuerySelectorAll(".theme-passage").Length);
        Assert.Contains($"{_tagged.Count} passages behind this cell", page.QuerySelector(".page-header__intro")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _ann.Http.GetAsync("/analysis/passages?of=no-such-theme", Cancel)).StatusCode);
    }

    [Fact]
    public async Task SuggestedPassage_IsUntagged_AndOneClickMakesItMyTag()
    {
        var page = await PageAsync(_ann, "/analysis/suggestions?theme=partnership");
        var forms = page.QuerySelectorAll<IHtmlFormElement>(".suggestion form").ToList();
        Assert.NotEmpty(forms);
        string Field(IHtmlFormElement form, string name) => form.QuerySelector<IHtmlInputElement>($"input[name={name}]")!.Value;
        foreach (var form in forms)
        {
            Assert.DoesNotContain(_tagged, t => t.Slug == Field(form, "article") && t.Start < int.Parse(Field(form, "end"), CultureInfo.InvariantCulture) && int.Parse(Field(form, "start"), CultureInfo.InvariantCulture) < t.End);
        }
        var before = await PartnershipPassagesAsync();

        var first = forms[0];
        var accepted = await _ann.PostFormAsync("/analysis/suggestions?theme=partnership",
            new[] { "theme", "article", "start", "end" }.ToDictionary(n => n, n => Field(first, n)), action: "/analysis/suggestions?handler=Accept");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var tags = await _ann.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{Field(first, "article")}/annotations", Cancel);
        Assert.Contains(tags.EnumerateArray(), t => t.GetProperty("creator").GetProperty("name").GetString() == "ann"
            && t.GetProperty("target").GetProperty("selector").EnumerateArray().Any(s => s.GetProperty("type").GetString() == "TextQuoteSelector"));
        Assert.True(await PartnershipPassagesAsync() >= before, "the accepted suggestion is counted");
        var again = await PageAsync(_ann, "/analysis/suggestions?theme=partnership");
        Assert.DoesNotContain(again.QuerySelectorAll<IHtmlFormElement>(".suggestion form"),
            f => Field(f, "article") == Field(first, "article") && Field(f, "start") == Field(first, "start"));
    }

    [Fact]
    public async Task AcceptingASuggestion_NeedsASignedInReader()
    {
        var anonymous = new FormsClient(Factory);
        var page = await PageAsync(anonymous, "/analysis/suggestions?theme=partnership");

        Assert.Empty(page.QuerySelectorAll(".suggestion form"));
        Assert.NotNull(page.QuerySelector("a[href^='/account/signin']"));
    }

    [Fact]
    public async Task ArticlePage_SuggestsThemesForAParagraph_AndOneClickTagsIt()
    {
        var (slug, block) = _untagged[0];
        var before = (await _ann.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}/annotations", Cancel)).GetArrayLength();

        var page = await PageAsync(_ann, $"/articles/{slug}?suggest={block}");
        var buttons = page.QuerySelectorAll("#suggest-form .suggestion-accept").ToList();
        Assert.NotEmpty(buttons);
        Assert.Contains("Tag as Partnership", buttons.Select(b => b.TextContent.Trim()));
        var form = (IHtmlFormElement)buttons.First(b => b.TextContent.Trim() == "Tag as Partnership").Closest("form")!;

        var response = await _ann.PostFormAsync($"/articles/{slug}",
            form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Where(i => i.Name != "__RequestVerificationToken").ToDictionary(i => i.Name!, i => i.Value),
            action: form.Action);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var tags = await _ann.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}/annotations", Cancel);
        Assert.Equal(before + 1, tags.GetArrayLength());
        var tag = tags.EnumerateArray().Last();
        Assert.Equal("partnership", tag.GetProperty("body").EnumerateArray().Single(b => b.GetProperty("purpose").GetString() == "tagging").GetProperty("value").GetString());
        // Anonymous readers are not offered suggestions.
        Assert.Empty((await PageAsync(new FormsClient(Factory), $"/articles/{slug}?suggest={block}")).QuerySelectorAll("#suggest-form"));
    }
}
