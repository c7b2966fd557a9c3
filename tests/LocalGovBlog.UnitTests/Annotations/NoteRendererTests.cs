using LocalGovBlog.Web.Annotations;

namespace LocalGovBlog.UnitTests.Annotations;

public class NoteRendererTests
{
    public static TheoryData<string> HostileNotes() =>
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](jav&#x61;script:alert(1))",
        "[click](jav&#97;script:alert(1))",
        "[click](java\tscript:alert(1))",
        "[click](<java\nscript:alert(1)>)",
        "[click](%6a%61%76%61script:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
        "<data:text/html,<script>alert(1)</script>>",
        "javascript:alert(1)",
        "![x](javascript:alert(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "[x](https://example.org \"\\\" onmouseover=\\\"alert(1)\")",
        "<svg/onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
    ];

    [Theory]
    [MemberData(nameof(HostileNotes))]
    public void HostileNote_RendersWithoutActiveContent(string note)
    {
        var html = NoteRenderer.ToHtml(note);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, new[] { "script", "img", "iframe", "svg", "object", "embed", "style", "div" });
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler in {html}");
                Assert.Contains(attribute.Name, new[] { "href", "title", "rel" });
            }
            var href = element.GetAttribute("href");
            if (href is not null)
            {
                Assert.Matches("^(https?:|mailto:)", href);
            }
        }
    }

    [Fact]
    public void SafeMarkdown_KeepsEmphasisAndWebLinks()
    {
        var html = NoteRenderer.ToHtml("See **the report** at <https://example.org/r> or [mail](mailto:a@example.org).");
        Assert.Contains("<strong>the report</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/r\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:a@example.org\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener noreferrer ugc\"", html, StringComparison.Ordinal);
    }
}
