using System.Net;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.IntegrationTests.Caching;

/// <summary>
/// Kept pages are evicted by the store's contexts themselves, not by the services that write: a change saved through a
/// plain context from the app's services, by no service at all, shows on the next anonymous request, and only once it
/// is committed. That a page is kept is shown by changing the store behind the app's back (ExecuteUpdate, which the
/// change tracker never sees): an anonymous reader still sees the old page until something evicts it.
/// </summary>
public sealed class PageChangeInterceptorTests : IAsyncLifetime
{
    private const string Slug = "what-the-devolution-deals-leave-out";
    private const string Page = "/articles/" + Slug;

    private readonly ArchiveFactory _factory = new(seed: false);
    private FormsClient _anonymous = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _factory.ImportAsync(RepositoryPaths.TestData("multi-post.txt"));
        await new FormsClient(_factory).RegisterAsync("first-editor"); // an owner for the tags written below
        _anonymous = new FormsClient(_factory);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<string> ReadAsync(string path)
    {
        var response = await _anonymous.Http.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    private Task<int> RetitleBehindTheAppAsync(string title) =>
        _factory.QueryAsync(db => db.Articles.Where(a => a.Slug == Slug).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, title), Cancel));

    [Fact]
    public async Task ArticleChangedThroughAPlainContext_ShowsOnTheNextAnonymousRequest()
    {
        Assert.DoesNotContain("Standfirst written through a plain context", await ReadAsync(Page), StringComparison.Ordinal);

        await _factory.QueryAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Slug == Slug, Cancel);
            article.Title = "Retitled through a plain context";
            return await db.SaveChangesAsync(Cancel);
        });

        Assert.Contains("Retitled through a plain context", await ReadAsync(Page), StringComparison.Ordinal);
        Assert.Contains("Retitled through a plain context", await ReadAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TagWrittenAndMovedThroughAPlainContext_ShowsOnTheArticleAndOnTheOldAndNewThemesPages()
    {
        Assert.DoesNotContain("Note written through a plain context", await ReadAsync(Page), StringComparison.Ordinal);
        Assert.DoesNotContain("Note written through a plain context", await ReadAsync("/themes/accountability"), StringComparison.Ordinal);
        Assert.DoesNotContain("Note written through a plain context", await ReadAsync("/themes/leadership"), StringComparison.Ordinal);
        var codebook = await ReadAsync("/themes");

        var id = await _factory.QueryAsync(async db =>
        {
            var article = await db.Articles.Where(a => a.Slug == Slug).Select(a => new { a.Id, a.Text }).SingleAsync(Cancel);
            var start = article.Text.IndexOf("What is missing", StringComparison.Ordinal);
            var selector = PassageSelector.Of(article.Text, start, start + "What is missing".Length);
            var tag = new Annotation
            {
                ArticleId = article.Id,
                OwnerId = await db.Users.Select(u => u.Id).SingleAsync(Cancel),
                Start = selector.Start,
                End = selector.End,
                Exact = selector.Exact,
                Prefix = selector.Prefix,
                Suffix = selector.Suffix,
                Note = "Note written through a plain context",
                Themes = [await db.Themes.SingleAsync(t => t.Slug == "accountability", Cancel)],
            };
            db.Annotations.Add(tag);
            await db.SaveChangesAsync(Cancel);
            return tag.Id;
        });

        Assert.Contains("Note written through a plain context", await ReadAsync(Page), StringComparison.Ordinal);
        Assert.Contains("Note written through a plain context", await ReadAsync("/themes/accountability"), StringComparison.Ordinal);
        Assert.NotEqual(codebook, await ReadAsync("/themes"));
        var leadership = await ReadAsync("/themes/leadership");

        // Moved to another theme in a context that never loaded the old one: the old theme's page goes too.
        await _factory.QueryAsync(async db =>
        {
            var tag = await db.Annotations.Include(a => a.Themes).SingleAsync(a => a.Id == id, Cancel);
            tag.Themes.Clear();
            tag.Themes.Add(await db.Themes.SingleAsync(t => t.Slug == "leadership", Cancel));
            return await db.SaveChangesAsync(Cancel);
        });

        Assert.DoesNotContain("Note written through a plain context", await ReadAsync("/themes/accountability"), StringComparison.Ordinal);
        Assert.Contains("Note written through a plain context", await ReadAsync("/themes/leadership"), StringComparison.Ordinal);
        Assert.NotEqual(leadership, await ReadAsync("/themes/leadership"));
    }

    [Fact]
    public async Task ChangeInATransaction_EvictsNothingUntilItCommits_AndNothingWhenItRollsBack()
    {
        var kept = await ReadAsync(Page);
        await RetitleBehindTheAppAsync("A title changed behind the app");
        Assert.Equal(kept, await ReadAsync(Page));

        await _factory.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            var article = await db.Articles.SingleAsync(a => a.Slug == Slug, Cancel);
            article.Standfirst = "A standfirst that is rolled back";
            await db.SaveChangesAsync(Cancel);
            Assert.Equal(kept, await ReadAsync(Page)); // saved, not committed: the page stays
            await transaction.RollbackAsync(Cancel);
            return 0;
        });
        Assert.Equal(kept, await ReadAsync(Page)); // rolled back: nothing was evicted

        await _factory.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            var article = await db.Articles.SingleAsync(a => a.Slug == Slug, Cancel);
            article.Standfirst = "A standfirst that is committed";
            await db.SaveChangesAsync(Cancel);
            Assert.Equal(kept, await ReadAsync(Page));
            await transaction.CommitAsync(Cancel);
            return 0;
        });
        var after = await ReadAsync(Page);
        Assert.Contains("A title changed behind the app", after, StringComparison.Ordinal);
        Assert.Contains("A standfirst that is committed", after, StringComparison.Ordinal);
    }
}
