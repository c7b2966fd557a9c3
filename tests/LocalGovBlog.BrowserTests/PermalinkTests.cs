using Microsoft.Playwright;
using static LocalGovBlog.BrowserTests.TaggingFlows;

namespace LocalGovBlog.BrowserTests;

public sealed class PermalinkTests(ArchiveSite site, Chromium chromium) : BrowserTest(site, chromium)
{
    /// <summary>Tags the last paragraph's first words through the API as the signed-in page, and returns the tag's id.</summary>
    private static Task<int> TagLastParagraphAsync(IPage page, string slug) =>
        page.EvaluateAsync<int>("""
            async slug => {
                const article = await (await fetch(`/api/articles/${slug}`)).json();
                const paragraphs = article.text.split("\n").filter(p => p.trim().split(" ").length > 8);
                const words = paragraphs[paragraphs.length - 1].split(" ").slice(0, 6).join(" ");
                const at = article.text.lastIndexOf(words);
                const start = Array.from(article.text.slice(0, at)).length;
                const end = start + Array.from(words).length;
                const anti = await (await fetch("/api/antiforgery")).json();
                const response = await fetch(`/api/articles/${slug}/annotations`, {
                    method: "POST",
                    headers: { "Content-Type": "application/json", [anti.headerName]: anti.token },
                    body: JSON.stringify({
                        "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", public: true,
                        body: [{ type: "TextualBody", purpose: "tagging", value: "leadership" }],
                        target: { selector: [{ type: "TextQuoteSelector", exact: words }, { type: "TextPositionSelector", start, end }] },
                    }),
                });
                if (!response.ok) { throw new Error(await response.text()); }
                const created = await response.json();
                return Number(created.id.split("/").pop());
            }
            """, slug);

    [Fact]
    public async Task PassagePermalink_OpensTheArticleWithThePassageHighlightedAndInView()
    {
        var tagger = await NewPageAsync(Desktop());
        await RegisterAsync(tagger, Site, "permalink.tagger");
        var slug = Article["/articles/".Length..];
        var id = await TagLastParagraphAsync(tagger, slug);

        // A reader who follows the link, not signed in, on a short window so the passage is far below the fold.
        var reader = await NewPageAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 600 }, Locale = "en-GB" });
        await GoAsync(reader, $"{Article}#tag-{id}");

        var passage = reader.Locator($"#article-text mark[data-annotations~='{id}']").First;
        await Expect(passage).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bis-target\b"));
        await Expect(passage).ToBeInViewportAsync();
        await Expect(passage).ToBeFocusedAsync();
        Assert.True(await reader.EvaluateAsync<double>("() => window.scrollY") > 300, "the page scrolled down to the passage");
        // Only this tag's passage is marked as the one linked to.
        Assert.Equal(await reader.Locator($"#article-text mark[data-annotations~='{id}']").CountAsync(), await reader.Locator("#article-text mark.is-target").CountAsync());
        await SaveScreenshotAsync(reader, "passage-permalink", fullPage: false);
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task CiteAction_GivesTheLinkAHarvardReferenceAndBibTex()
    {
        var tagger = await NewPageAsync(Desktop());
        await RegisterAsync(tagger, Site, "cite.tagger");
        var slug = Article["/articles/".Length..];
        var id = await TagLastParagraphAsync(tagger, slug);
        await GoAsync(tagger, Article);

        var card = tagger.Locator($"#tag-{id}");
        await card.GetByText("Cite", new() { Exact = true }).ClickAsync();

        // Links are built from Site:PublicBaseAddress, the address readers use.
        var permalink = new System.Text.RegularExpressions.Regex($"^https://[^/]+{System.Text.RegularExpressions.Regex.Escape(Article)}#tag-{id}$");
        await Expect(card.Locator(".tag-cite__link a")).ToHaveAttributeAsync("href", permalink);
        await Expect(card.Locator(".tag-cite__harvard")).ToContainTextAsync($"{Article}#tag-{id} (Accessed: ");
        await Expect(card.Locator(".tag-cite__bibtex")).ToContainTextAsync("@misc{");
        await Expect(card.Locator(".tag-cite__bibtex")).ToContainTextAsync($"tag-{id}}}");
    }
}
