using LocalGovBlog.Web.Import;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.IntegrationTests.Import;

public sealed class SeedReimportTests : ArchiveTest
{
    [Fact]
    public async Task ImportingTheSeedAgain_ReportsThreeUnchangedPostsAndAddsNoRows()
    {
        var before = await CountRowsAsync();

        var report = await Factory.ImportAsync(RepositoryPaths.SeedDump);

        Assert.Equal((0, 0, 3), (report.Added, report.Updated, report.Unchanged));
        Assert.Equal(0, report.AuthorsAdded);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task ImportingTheSeedAgain_LeavesEveryPostUntouched()
    {
        var before = await Factory.QueryAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => new { a.Id, a.Slug, a.ContentHash, a.UpdatedAtUtc }).ToListAsync());

        await Factory.ImportAsync(RepositoryPaths.SeedDump);

        var after = await Factory.QueryAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => new { a.Id, a.Slug, a.ContentHash, a.UpdatedAtUtc }).ToListAsync());
        Assert.Equal(before, after);
    }

    private Task<(int Articles, int Blocks, int Authors, int Links)> CountRowsAsync() =>
        Factory.QueryAsync(async db => (
            await db.Articles.CountAsync(),
            await db.ArticleBlocks.CountAsync(),
            await db.Authors.CountAsync(),
            await db.ArticleAuthors.CountAsync()));
}
