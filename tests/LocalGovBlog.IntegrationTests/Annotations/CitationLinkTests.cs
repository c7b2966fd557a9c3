using System.Net;
using System.Text.RegularExpressions;
using LocalGovBlog.IntegrationTests.Accounts;

namespace LocalGovBlog.IntegrationTests.Annotations;

/// <summary>
/// The article page writes out a tag's Harvard and BibTeX citation only for the tag a reader asked to cite; every other
/// tag card offers a "Cite" link to it. (Written out for all, citations made half of a page with hundreds of tags.)
/// </summary>
public sealed class CitationLinkTests() : ArchiveTest(seed: true)
{
    [Fact]
    public async Task EachCardLinksToItsCitation_AndOnlyTheAskedForTagsCitationIsWrittenOut()
    {
        var tagger = new FormsClient(Factory);
        await tagger.RegisterAsync("citation-reader");
        var (slug, text) = await TaggingClient.FirstArticleAsync(tagger);
        var first = (await TaggingClient.TagAsync(tagger, slug, text, text[..text.IndexOf(' ', 30)], ["devolution"])).GetProperty("id").GetString()!;
        var second = (await TaggingClient.TagAsync(tagger, slug, text, text[..text.IndexOf(' ', 60)], ["austerity"])).GetProperty("id").GetString()!;
        var (one, two) = (Id(first), Id(second));
        var anonymous = new FormsClient(Factory);

        var page = await ReadAsync(anonymous, $"/articles/{slug}");
        Assert.Contains($"href=\"?cite={one}#tag-{one}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"?cite={two}#tag-{two}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("@misc{", page, StringComparison.Ordinal);

        var cited = await ReadAsync(anonymous, $"/articles/{slug}?cite={two}");
        Assert.Single(Regex.Matches(cited, "@misc\\{"));
        var card = cited[cited.IndexOf($"id=\"tag-{two}\"", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("</li>", StringComparison.Ordinal)];
        Assert.Contains("<details class=\"tag-cite\" open>", card, StringComparison.Ordinal);
        Assert.Contains($"/articles/{slug}#tag-{two}", card, StringComparison.Ordinal);
        Assert.Contains($"href=\"?cite={one}#tag-{one}\"", cited, StringComparison.Ordinal);

        // Filtered by a theme chip, the link keeps the filter.
        var filtered = await ReadAsync(anonymous, $"/articles/{slug}?theme=devolution");
        Assert.Contains($"href=\"?theme=devolution&amp;cite={one}#tag-{one}\"", filtered, StringComparison.Ordinal);
    }

    private static int Id(string iri) => int.Parse(iri[(iri.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> ReadAsync(FormsClient client, string path)
    {
        var response = await client.Http.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }
}
