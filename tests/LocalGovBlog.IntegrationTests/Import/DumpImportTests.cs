using System.Net.Http.Json;
using LocalGovBlog.IntegrationTests.Api;
using LocalGovBlog.Web.Import;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.IntegrationTests.Import;

/// <summary>Imports dumps of our own into an empty store and reads the result back as a client would.</summary>
public sealed class DumpImportTests() : ArchiveTest(seed: false)
{
    private HttpClient _client = null!;

    public override ValueTask InitializeAsync()
    {
        _client = Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task MultiPostDump_IsReadableThroughTheApi()
    {
        var report = await Factory.ImportAsync(RepositoryPaths.TestData("multi-post.txt"));

        Assert.Equal(3, report.Added);
        Assert.Equal(0, report.DiagnosticCount);
        var page = await _client.GetFromJsonAsync<ArticlePage>("/api/articles", ApiJson.Strict, Cancel);
        Assert.Equal(
            ["What the devolution deals leave out", "Austerity and the district council", "Partnership working after the LEPs"],
            page!.Items.Select(a => a.Title));
        Assert.Equal([false, true, false], page.Items.Select(a => a.IsExcerpt));

        var deals = page.Items[0];
        Assert.Equal(["Zoë Müller-Ørsted", "Catherine Staite"], deals.Authors.Select(a => a.Name));
        Assert.Equal("INLOGOV", deals.Role);
        Assert.StartsWith("As the second wave of deals is signed", deals.Standfirst);

        var austerity = page.Items[1];
        Assert.Equal("Jon Hale", Assert.Single(austerity.Authors).Name);
        Assert.Equal("Leader of Exeham District Council", austerity.Role);
    }

    [Fact]
    public async Task MultiPostDump_KeepsQuotationsListsAndCoAuthorBios()
    {
        await Factory.ImportAsync(RepositoryPaths.TestData("multi-post.txt"));

        var article = await _client.GetFromJsonAsync<ArticleDetail>("/api/articles/what-the-devolution-deals-leave-out", ApiJson.Strict, Cancel);

        Assert.NotNull(article);
        Assert.Equal(
            ["paragraph", "paragraph", "quote", "paragraph", "listItem", "listItem", "listItem", "paragraph"],
            article.Blocks.Select(b => b.Kind));
        var items = article.Blocks.Where(b => b.Kind == "listItem").Select(b => article.Text[b.Start..b.End]).ToList();
        Assert.Equal("a scrutiny committee with its own budget", items[0]);
        Assert.DoesNotContain("Zoë Müller-Ørsted and Catherine Staite\n", article.Text);
        Assert.StartsWith("Zoë Müller-Ørsted is a lecturer", article.Authors[0].Bio);
        Assert.StartsWith("Catherine Staite is Professor of Public Management", article.Authors[1].Bio);

        var austerity = await _client.GetFromJsonAsync<ArticleDetail>("/api/articles/austerity-and-the-district-council", ApiJson.Strict, Cancel);
        var numbered = austerity!.Blocks.Where(b => b.Kind == "listItem").ToList();
        Assert.Equal(3, numbered.Count);
        Assert.All(numbered, b => Assert.True(b.Ordered));
        Assert.Equal("closing two of our three customer service centres", austerity.Text[numbered[0].Start..numbered[0].End]);
    }

    [Fact]
    public async Task OnePersonUnderSeveralSpellings_IsOneAuthor()
    {
        await Factory.ImportAsync(RepositoryPaths.SeedDump);
        await Factory.ImportAsync(RepositoryPaths.TestData("multi-post.txt"));

        var staite = await _client.GetFromJsonAsync<List<AuthorSummary>>("/api/authors?q=catherine%20staite", ApiJson.Strict, Cancel);
        Assert.Equal(2, Assert.Single(staite!).ArticleCount);
        var mason = await _client.GetFromJsonAsync<List<AuthorSummary>>("/api/authors?q=MASON", ApiJson.Strict, Cancel);
        Assert.Equal(2, Assert.Single(mason!).ArticleCount);
    }

    [Theory]
    [InlineData("zoe muller")]
    [InlineData("ZOË")]
    [InlineData("orsted")]
    [InlineData("Dr Müller")]
    public async Task AuthorSearch_IgnoresAccentsCaseAndHonorifics(string query)
    {
        await Factory.ImportAsync(RepositoryPaths.TestData("multi-post.txt"));

        var authors = await _client.GetFromJsonAsync<List<AuthorSummary>>($"/api/authors?q={Uri.EscapeDataString(query)}", ApiJson.Strict, Cancel);

        Assert.Equal("Zoë Müller-Ørsted", Assert.Single(authors!).Name);
    }

    [Fact]
    public async Task CoAuthorsWithTheirOwnRoles_KeepEachRoleAndReimportUnchanged()
    {
        const string Dump = """
            Scrutiny after the pandemic

            Jane Smith, Lecturer, INLOGOV, John Brown, Research Fellow, and Mary Green, Professor of Public Policy

            Scrutiny committees met online for two years, and some of what they learned is worth keeping.

            Jane Smith, John Brown and Mary Green

            Why districts still matter

            Dr Alan White (INLOGOV), Prof. Beth Black & Cllr Colin Grey

            District councils deliver the services residents notice first, from bins to planning.

            """;
        var path = Factory.WriteDump("roles.txt", Dump);

        var report = await Factory.ImportAsync(path);

        Assert.Equal((2, 0), (report.Added, report.DiagnosticCount));
        var scrutiny = await _client.GetFromJsonAsync<ArticleDetail>("/api/articles/scrutiny-after-the-pandemic", ApiJson.Strict, Cancel);
        Assert.Equal(
            [("Jane Smith", "Lecturer, INLOGOV"), ("John Brown", "Research Fellow"), ("Mary Green", "Professor of Public Policy")],
            scrutiny!.Authors.Select(a => (a.Name, a.Role)));
        Assert.DoesNotContain("Mary Green", scrutiny.Text, StringComparison.Ordinal);
        Assert.Null(scrutiny.Role); // no one role after all three names: each has their own
        var page = await _client.GetStringAsync("/articles/scrutiny-after-the-pandemic", Cancel);
        Assert.DoesNotContain("byline__role", page, StringComparison.Ordinal);
        var districts = await _client.GetFromJsonAsync<ArticleDetail>("/api/articles/why-districts-still-matter", ApiJson.Strict, Cancel);
        Assert.Equal(
            [("Alan White", "INLOGOV"), ("Beth Black", null), ("Colin Grey", null)],
            districts!.Authors.Select(a => (a.Name, a.Role)));
        Assert.Null(districts.Role);

        var again = await Factory.ImportAsync(path);

        Assert.Equal((0, 0, 2), (again.Added, again.Updated, again.Unchanged));
    }

    [Fact]
    public async Task ChangedPost_IsUpdatedInPlaceUnderTheSameSlug()
    {
        var original = File.ReadAllText(RepositoryPaths.TestData("multi-post.txt"));
        await Factory.ImportAsync(Factory.WriteDump("v1.txt", original));
        var before = await Factory.QueryAsync(db => db.Articles.SingleAsync(a => a.Slug == "partnership-working-after-the-leps"));

        var edited = original.Replace("built over years", "built patiently over many years", StringComparison.Ordinal);
        var report = await Factory.ImportAsync(Factory.WriteDump("v2.txt", edited));

        Assert.Equal((0, 1, 2), (report.Added, report.Updated, report.Unchanged));
        Assert.Equal("partnership-working-after-the-leps", Assert.Single(report.Changes).Slug);
        var after = await Factory.QueryAsync(db => db.Articles.Include(a => a.Blocks).SingleAsync(a => a.Slug == "partnership-working-after-the-leps"));
        Assert.Equal(before.Id, after.Id);
        Assert.Contains("built patiently over many years", after.Text);
        Assert.Equal(after.Text.Length, after.Blocks.Max(b => b.End));
        Assert.Equal(3, await Factory.QueryAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task RetitledPost_KeepsItsSlug()
    {
        var original = File.ReadAllText(RepositoryPaths.TestData("multi-post.txt"));
        await Factory.ImportAsync(Factory.WriteDump("v1.txt", original));

        var retitled = original.Replace("Partnership working after the LEPs", "Partnership working after the local enterprise partnerships", StringComparison.Ordinal);
        var report = await Factory.ImportAsync(Factory.WriteDump("v2.txt", retitled));

        Assert.Equal((0, 1), (report.Added, report.Updated));
        var article = await _client.GetFromJsonAsync<ArticleDetail>("/api/articles/partnership-working-after-the-leps", ApiJson.Strict, Cancel);
        Assert.Equal("Partnership working after the local enterprise partnerships", article!.Title);
    }

    [Fact]
    public async Task ArticleMissingFromALaterDump_IsKept()
    {
        await Factory.ImportAsync(RepositoryPaths.TestData("multi-post.txt"));

        var report = await Factory.ImportAsync(RepositoryPaths.SeedDump);

        Assert.Equal(3, report.Added);
        Assert.Equal(6, await Factory.QueryAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task DryRun_ReportsWhatWouldChangeAndWritesNothing()
    {
        var report = await Factory.ImportAsync(RepositoryPaths.TestData("multi-post.txt"), dryRun: true);

        Assert.True(report.DryRun);
        Assert.Equal(3, report.Added);
        Assert.Equal(0, await Factory.QueryAsync(db => db.Articles.CountAsync()));
        Assert.Equal(0, await Factory.QueryAsync(db => db.Authors.CountAsync()));
    }

    [Fact]
    public async Task RepeatedPostInOneDump_IsImportedOnceAndReported()
    {
        var seed = File.ReadAllText(RepositoryPaths.SeedDump);

        var report = await Factory.ImportAsync(Factory.WriteDump("twice.txt", seed + "\n\n" + seed));

        Assert.Equal((3, 3), (report.Added, report.Duplicates));
        Assert.Contains(report.Diagnostics, d => d.Message.Contains("appears twice", StringComparison.Ordinal));
        Assert.Equal(3, await Factory.QueryAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task LargeDump_IsWrittenInBatchesWithTheSameResult()
    {
        var posts = string.Join("\n\n", Enumerable.Range(1, 1200).Select(i =>
            $"Council budget note number {i}\n\nJane Example\n\nParagraph one of note {i} about the council budget.\n\nParagraph two of note {i}."));

        var report = await Factory.ImportAsync(Factory.WriteDump("large.txt", posts));

        Assert.Equal(1200, report.Added);
        Assert.Equal(1200, await Factory.QueryAsync(db => db.Articles.CountAsync()));
        Assert.Equal(1, await Factory.QueryAsync(db => db.Authors.CountAsync()));
        var again = await Factory.ImportAsync(Factory.WriteDump("large-again.txt", posts));
        Assert.Equal(1200, again.Unchanged);
    }
}
