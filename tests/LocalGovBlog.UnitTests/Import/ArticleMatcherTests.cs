using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

/// <summary>Which stored article a parsed post is, and under which slug a new one goes.</summary>
public class ArticleMatcherTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static PreparedArticle Post(string title, string author = "Jo Bloggs", string opening = "Councils have been asked to do more with less.") =>
        PreparedArticle.From(ParsedDump.SingleArticle(ParsedDump.Blocks(title, author, opening)));

    private static Article Stored(PreparedArticle post, string? slug = null) => new()
    {
        Slug = slug ?? post.BaseSlug,
        Title = post.Parsed.Title,
        Text = post.Text,
        ContentHash = post.ContentHash,
        OpeningKey = post.OpeningKey,
    };

    private static ArticleMatcher Matcher(params Article[] store) =>
        new((slug, _) => Task.FromResult(store.FirstOrDefault(article => article.Slug == slug)));

    [Fact]
    public async Task Matcher_FindsTheStoredArticleUnderTheTitlesSlug()
    {
        var post = Post("Devolution and the districts");
        var stored = Stored(post);

        var match = await Matcher(stored).MatchAsync(post, [stored], Cancel);

        Assert.Equal((stored, "devolution-and-the-districts", false), (match.Stored, match.Slug, match.IsRepeat));
    }

    [Fact]
    public async Task Matcher_FindsARetitledPostByItsAuthorAndOpeningWordsAndKeepsItsSlug()
    {
        var stored = Stored(Post("Devolution and the districts"));
        var retitled = Post("What devolution means for the districts");

        var match = await Matcher(stored).MatchAsync(retitled, [stored], Cancel);

        Assert.Same(stored, match.Stored);
        Assert.Equal("devolution-and-the-districts", match.Slug);
    }

    [Fact]
    public async Task Matcher_GivesANewPostItsTitlesSlugAndNoStoredArticle()
    {
        var match = await Matcher().MatchAsync(Post("Devolution and the districts"), [], Cancel);

        Assert.Equal((null, "devolution-and-the-districts", false), (match.Stored, match.Slug, match.IsRepeat));
    }

    [Fact]
    public async Task Matcher_TakesAWordForWordRepeatInTheSameDumpForARepeat()
    {
        var matcher = Matcher();
        var post = Post("Devolution and the districts");

        await matcher.MatchAsync(post, [], Cancel);
        var again = await matcher.MatchAsync(post, [], Cancel);

        Assert.True(again.IsRepeat);
    }

    [Fact]
    public async Task Matcher_GivesASecondDifferentPostWithTheSameTitleTheNextFreeSlug()
    {
        var taken = Stored(Post("Reflections", "Sam Lee", "Something else entirely was said here."), "reflections-2");
        var matcher = Matcher(taken);

        var first = await matcher.MatchAsync(Post("Reflections", "Jo Bloggs", "The first post says one thing."), [], Cancel);
        var second = await matcher.MatchAsync(Post("Reflections", "Ann Lee", "The second post says another."), [], Cancel);

        Assert.Equal("reflections", first.Slug);
        // "reflections-2" is stored already, under another post: the store's article there is this one's match.
        Assert.Equal(("reflections-2", taken), (second.Slug, second.Stored));
    }

    [Fact]
    public async Task Matcher_DoesNotGiveOneStoredArticleToTwoPostsOfTheSameDump()
    {
        var stored = Stored(Post("Devolution and the districts"));
        var matcher = Matcher(stored);

        var retitled = await matcher.MatchAsync(Post("What devolution means"), [stored], Cancel);
        var original = await matcher.MatchAsync(Post("Devolution and the districts", opening: "A different opening altogether."), [stored], Cancel);

        Assert.Same(stored, retitled.Stored);
        Assert.NotEqual(retitled.Slug, original.Slug);
    }
    [Fact]
    public async Task Matcher_GivesANewPostUnderAReusedTitleANewSlugAndLeavesTheStoredOnesToTheirPosts()
    {
        var older = Post("Weekly round-up", opening: "The week began with the Budget.");
        var old = Post("Weekly round-up", opening: "This week brought council tax referendums.");
        var newest = Post("Weekly round-up", opening: "This week the local elections were postponed.");
        var storedOlder = Stored(older);
        var storedOld = Stored(old, "weekly-round-up-2");
        var matcher = Matcher(storedOlder, storedOld);
        IReadOnlySet<string> batch = new HashSet<string> { newest.OpeningKey, older.OpeningKey, old.OpeningKey };

        var first = await matcher.MatchAsync(newest, [storedOlder, storedOld], batch, Cancel);
        var second = await matcher.MatchAsync(older, [storedOlder, storedOld], batch, Cancel);
        var third = await matcher.MatchAsync(old, [storedOlder, storedOld], batch, Cancel);

        Assert.Equal((null, "weekly-round-up-3"), (first.Stored, first.Slug));
        Assert.Equal((storedOlder, "weekly-round-up"), (second.Stored, second.Slug));
        Assert.Equal((storedOld, "weekly-round-up-2"), (third.Stored, third.Slug));
    }
}
