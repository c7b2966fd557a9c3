using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static LocalGovBlog.BrowserTests.TaggingFlows;

namespace LocalGovBlog.BrowserTests;

/// <summary>
/// The analysis as a researcher meets it: tag a paragraph, accept a suggested theme for another with one click,
/// then read the heat-map's Devolution × author cell, follow it to the passages behind it and download the table.
/// Counts are read under "mine", so other tests' tags on the shared site cannot change them.
/// </summary>
public sealed class AnalysisTests(ArchiveSite site, Chromium chromium) : BrowserTest(site, chromium)
{
    private const string PartnershipArticle = "/articles/catherine-staite-reflects-on-the-need-for-21st-century-partnerships-in-birmingham";

    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Positions in the body of the paragraphs that speak of partnership.</summary>
    private static async Task<int[]> PartnershipParagraphsAsync(IPage page) =>
        await page.EvaluateAsync<int[]>("""
            () => [...document.querySelectorAll("#article-text [data-start]")]
                .map((block, i) => /partnership/i.test(block.textContent) ? i : -1).filter(i => i >= 0)
            """);

    [Fact]
    public async Task Researcher_AcceptsASuggestion_ReadsTheHeatMap_FollowsACell_AndDownloadsItsTable()
    {
        var page = await NewPageAsync(Desktop());
        var user = $"analyst{Guid.NewGuid():N}"[..16];
        await RegisterAsync(page, Site, user, PartnershipArticle);
        var paragraphs = await PartnershipParagraphsAsync(page);
        Assert.True(paragraphs.Length >= 2, "the article has two paragraphs about partnership");

        // Tag the first with Devolution and Partnership, without script's help: the paragraph form.
        await page.GetByText("Tag a whole paragraph").ClickAsync();
        var form = page.Locator("#tag-form");
        await form.Locator("select").SelectOptionAsync(paragraphs[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByLabel("Devolution").CheckAsync();
        await form.GetByLabel("Partnership").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Tag paragraph" }).ClickAsync();
        var mine = page.Locator(".tag-card", new() { HasText = user });
        await Expect(mine).ToHaveCountAsync(1);

        // Ask for themes for the second, and accept Partnership with one click.
        await page.GetByText("Suggest themes for a paragraph").ClickAsync();
        var suggest = page.Locator("#suggest-form");
        await suggest.Locator("select").SelectOptionAsync(paragraphs[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await suggest.GetByRole(AriaRole.Button, new() { Name = "Suggest themes" }).ClickAsync();
        var accept = suggest.GetByRole(AriaRole.Button, new() { Name = "Tag as Partnership" });
        await Expect(accept).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "analysis-article-suggestions", fullPage: false);
        await accept.ClickAsync();
        await Expect(mine).ToHaveCountAsync(2);
        await Expect(mine.Last).ToContainTextAsync("Partnership");

        // The heat-map's cell for Devolution × Catherine Staite holds the one passage.
        await GoAsync(page, "/analysis?taggers=mine");
        var cell = page.Locator("svg.heat-map[data-table=authors] a[data-row=devolution][data-column=catherine-staite]");
        await Expect(cell).ToHaveAttributeAsync("data-value", "1");
        await Expect(cell.Locator("text")).ToHaveTextAsync("1");
        // The table beside it says the same.
        await Expect(page.Locator("#authors-table")).ToContainTextAsync("Catherine Staite");
        var axe = await page.RunAxe(Wcag21AA);
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));

        // Its table downloads as CSV with that cell in it.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("section[aria-labelledby=authors-heading]").GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.Equal("localgovblog-authors.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Contains("Devolution,Catherine Staite,1,1", csv.Split("\r\n"));

        // Following the cell leads to the passage behind it.
        await cell.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/analysis/passages\\?.*of=devolution.*by=catherine-staite"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Devolution in articles by Catherine Staite");
        await Expect(page.Locator(".theme-passage")).ToHaveCountAsync(1);
        await Expect(page.Locator(".theme-passage")).ToContainTextAsync($"tagged by {user}");
        Assert.Empty(ConsoleErrors);
    }

    public static TheoryData<string, string> Layouts => new()
    {
        { "desktop", "light" },
        { "desktop", "dark" },
        { "phone", "light" },
        { "phone", "dark" },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task AnalysisPages_PassWcag21AA_OnADesktopAndAPhone_InBothSchemes(string layout, string scheme)
    {
        var colors = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light;
        var page = await NewPageAsync(layout == "phone" ? PhoneIn(colors) : Desktop(colors));
        var user = $"coder{Guid.NewGuid():N}"[..14];
        await RegisterAsync(page, Site, user, PartnershipArticle);
        var paragraphs = await PartnershipParagraphsAsync(page);
        var tagged = 0;
        foreach (var (paragraph, themes) in new[] { (paragraphs[0], new[] { "Partnership", "Devolution" }), (paragraphs[1], new[] { "Partnership", "Leadership" }) })
        {
            await page.GetByText("Tag a whole paragraph").ClickAsync();
            var form = page.Locator("#tag-form");
            await form.Locator("select").SelectOptionAsync(paragraph.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var theme in themes)
            {
                await form.GetByLabel(theme).CheckAsync();
            }
            // Private, so the other test's suggestions on this article are not changed by these tags.
            await form.GetByLabel("Public").UncheckAsync();
            await form.GetByRole(AriaRole.Button, new() { Name = "Tag paragraph" }).ClickAsync();
            await Expect(page.Locator(".tag-card", new() { HasText = user })).ToHaveCountAsync(++tagged);
        }
        var violations = new List<string>();
        foreach (var (path, name) in new[]
        {
            ("/analysis?taggers=mine", "matrices"),
            ($"/analysis/agreement?a={user}", "agreement"),
            ("/analysis/codebook?taggers=mine", "codebook"),
            ("/analysis/suggestions?theme=partnership", "suggestions"),
            ("/analysis/passages?of=partnership&taggers=mine", "passages"),
        })
        {
            await GoAsync(page, path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var result = await page.RunAxe(Wcag21AA);
            violations.AddRange(result.Violations.Select(v => $"{name}: {v.Id} — {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
            await SaveScreenshotAsync(page, $"analysis-{name}-{layout}-{scheme}");
        }
        Assert.Empty(ConsoleErrors);

        // Refused filters: the page again with the problem named (status 400, which the browser logs).
        var refused = await GoAsync(page, "/analysis?from=not-a-date");
        Assert.Equal(400, refused.Status);
        await Expect(page.Locator(".error-summary, [role=alert]").First).ToContainTextAsync("not a date");
        var axe = await page.RunAxe(Wcag21AA);
        violations.AddRange(axe.Violations.Select(v => $"refused: {v.Id} — {v.Help}"));
        await SaveScreenshotAsync(page, $"analysis-refused-{layout}-{scheme}");
        Assert.Empty(violations);
    }
}
