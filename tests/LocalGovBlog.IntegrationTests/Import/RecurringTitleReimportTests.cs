using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.IntegrationTests.Annotations;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.IntegrationTests.Import;

/// <summary>
/// A blog that reuses a title ("Weekly round-up") adds a new post under it at the top of its listing: the posts
/// already stored keep their addresses and their tags, and the new one gets an address of its own.
/// </summary>
public sealed class RecurringTitleReimportTests : IAsyncLifetime
{
    private const string NewRoundUp = """
        Weekly round-up

        David Price, Research Fellow, INLOGOV

        This week the local elections were postponed and councils turned to emergency planning.

        David Price


        """;

    private readonly ArchiveFactory _factory = new(seed: false);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task NewPostUnderAReusedTitle_LeavesTheStoredPostsAndTheirTagsWhereTheyWere()
    {
        var original = await File.ReadAllTextAsync(RepositoryPaths.TestData("recurring-titles.txt"), Cancel);
        await _factory.ImportAsync(_factory.WriteDump("v1.txt", original));
        var client = new FormsClient(_factory);
        await client.RegisterAsync("tagger");
        var first = await TaggingClient.TextAsync(client, "weekly-round-up");
        var second = await TaggingClient.TextAsync(client, "weekly-round-up-2");
        Assert.StartsWith("The week began", first, StringComparison.Ordinal);
        Assert.StartsWith("This week brought", second, StringComparison.Ordinal);
        await TaggingClient.TagAsync(client, "weekly-round-up", first, "ended with a by-election", ["devolution"]);
        await TaggingClient.TagAsync(client, "weekly-round-up-2", second, "council tax referendums", ["devolution"]);

        var report = await _factory.ImportAsync(_factory.WriteDump("v2.txt", NewRoundUp.ReplaceLineEndings("\n") + original));

        Assert.Equal((1, 0, 4), (report.Added, report.Updated, report.Unchanged));
        Assert.Equal((0, 0, 0), (report.TagsKept, report.TagsMoved, report.TagsOrphaned));
        Assert.Equal(first, await TaggingClient.TextAsync(client, "weekly-round-up"));
        Assert.Equal(second, await TaggingClient.TextAsync(client, "weekly-round-up-2"));
        Assert.StartsWith("This week the local elections", await TaggingClient.TextAsync(client, "weekly-round-up-3"), StringComparison.Ordinal);
        var tags = await _factory.QueryAsync(db => db.Annotations.AsNoTracking()
            .OrderBy(a => a.Id).Select(a => new { a.Article.Slug, a.Exact, a.IsOrphan }).ToListAsync(Cancel));
        Assert.Equal(
            [("weekly-round-up", "ended with a by-election", false), ("weekly-round-up-2", "council tax referendums", false)],
            tags.Select(tag => (tag.Slug, tag.Exact, tag.IsOrphan)));
    }
}
