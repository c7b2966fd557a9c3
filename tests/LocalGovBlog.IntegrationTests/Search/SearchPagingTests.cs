using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;

namespace LocalGovBlog.IntegrationTests.Search;

/// <summary>Many matches: pages that neither repeat nor skip, and archive order when there are too many to rank.</summary>
public sealed class SearchPagingTests : IAsyncLifetime
{
    private readonly ArchiveFactory _factory = new(seed: false);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var dump = new SearchDump();
        for (var i = 1; i <= 25; i++)
        {
            dump.Post($"Scrutiny note {i}", i % 2 == 0 ? "Jon Hale" : "Catherine Staite", $"Scrutiny committees, part {i}, and the mayor.");
        }
        dump.Post("A mayor at last", "Jon Hale", "The new mayor arrives in May.");
        await _factory.ImportAsync(_factory.WriteDump("many.txt", dump.ToString()));
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Search_PagesThroughEveryMatchOnce()
    {
        var client = _factory.CreateClient();

        var first = await client.GetFromJsonAsync<SearchPage>("/api/articles?q=scrutiny", Cancel);
        var second = await client.GetFromJsonAsync<SearchPage>("/api/articles?q=scrutiny&page=2", Cancel);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal(25, first.Total);
        Assert.Equal(20, first.Items.Count);
        Assert.Equal(5, second.Items.Count);
        Assert.Equal(25, first.Items.Concat(second.Items).Select(i => i.Slug).Distinct().Count());
        Assert.Equal([("catherine-staite", 13), ("jon-hale", 12)], first.Facets!.Authors.Select(f => (f.Slug, f.Count)));
    }

    [Fact]
    public async Task Search_WithMoreMatchesThanItRanks_ListsThemInArchiveOrderAndSaysSo()
    {
        using var capped = _factory.WithWebHostBuilder(b => b.UseSetting("Search:RankLimit", "10"));
        var client = capped.CreateClient();

        var page = await client.GetFromJsonAsync<SearchPage>("/api/articles?q=scrutiny", Cancel);
        var html = await client.GetStringAsync("/search?q=scrutiny", Cancel);

        Assert.NotNull(page);
        Assert.False(page.Ranked);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"Scrutiny note {i}"), page.Items.Select(i => i.Title));
        Assert.Contains("archive order", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithMoreMatchesThanItRanks_PutsTitleMatchesFirstThenArchiveOrder()
    {
        using var capped = _factory.WithWebHostBuilder(b => b.UseSetting("Search:RankLimit", "10"));
        var client = capped.CreateClient();

        var first = await client.GetFromJsonAsync<SearchPage>("/api/articles?q=mayor", Cancel);
        var second = await client.GetFromJsonAsync<SearchPage>("/api/articles?q=mayor&page=2", Cancel);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.False(first.Ranked);
        Assert.Equal(26, first.Total);
        Assert.Equal(["A mayor at last", .. Enumerable.Range(1, 19).Select(i => $"Scrutiny note {i}")], first.Items.Select(i => i.Title));
        Assert.Equal(Enumerable.Range(20, 6).Select(i => $"Scrutiny note {i}"), second.Items.Select(i => i.Title));
    }
}
