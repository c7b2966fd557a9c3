using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Pages.Articles;

namespace LocalGovBlog.UnitTests.Pages;

public class HighlightedBlockTests
{
    private const string Text = "Councils share power. Mayors hold it.";

    private static string Render(params HighlightRange[] ranges)
    {
        var html = HighlightedBlock.Render(Text, 0, Text.Length, ranges, new HashSet<int>());
        using var writer = new StringWriter();
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void TagWithTwoThemes_IsTintedByTheFirst_AndStripedWithTheSecond()
    {
        var html = Render(new HighlightRange(7, 0, 21, "devolution") { Themes = ["devolution", "austerity"], Label = "Devolution, Austerity" });

        Assert.Contains("class=\"hl hl--t-devolution hl--s2-austerity hl--multi\"", html, StringComparison.Ordinal);
        Assert.Contains("title=\"Tagged: Devolution, Austerity\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WordsUnderManyReadersTags_NameEachThemeOnce_AndSayHowManyTagsCoverThem()
    {
        var html = Render(
            new HighlightRange(1, 0, 21, "austerity") { Label = "Austerity", Names = ["Austerity"] },
            new HighlightRange(2, 0, 21, "austerity") { Label = "Austerity", Names = ["Austerity"] },
            new HighlightRange(3, 0, 21, "housing") { Themes = ["housing", "austerity"], Label = "Housing, Austerity", Names = ["Housing", "Austerity"] },
            new HighlightRange(4, 0, 21, "austerity") { Label = "Austerity", Names = ["Austerity"] });

        Assert.Contains("title=\"Tagged 4 times: Austerity, Housing\"", html, StringComparison.Ordinal);
        Assert.Contains("data-annotations=\"1 2 3 4\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void PassageStart_IsATabStopDescribedByItsCardsThemes_OnceOnly()
    {
        var html = Render(
            new HighlightRange(3, 0, 21, "brexit") { Label = "Brexit" },
            new HighlightRange(4, 10, 30, "housing") { Label = "Housing" });

        Assert.Contains("id=\"passage-3\" tabindex=\"0\" aria-describedby=\"tag-3-themes\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"passage-4\" tabindex=\"0\" aria-describedby=\"tag-4-themes\"", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("tabindex").Length - 1);
        // The overlap carries both tags' themes: the shorter passage's colour, the other as a stripe.
        Assert.Contains("hl--t-housing hl--s2-brexit hl--multi hl--overlap", html, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkedUpText_IsStillExactlyTheCanonicalText()
    {
        var html = Render(new HighlightRange(1, 5, 12, "brexit"), new HighlightRange(2, 8, 25, "housing"));
        var text = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "");
        Assert.Equal(Text, System.Net.WebUtility.HtmlDecode(text));
    }
}
