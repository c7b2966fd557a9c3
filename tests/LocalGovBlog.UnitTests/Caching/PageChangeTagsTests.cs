using LocalGovBlog.Web.Caching;

namespace LocalGovBlog.UnitTests.Caching;

public sealed class PageChangeTagsTests
{
    [Fact]
    public void AFewTagsWritten_NameTheirArticleAndThemePagesAndTheCodebook()
    {
        var (tags, name) = PageChangeTags.Broad(new StoreWrite(Themes: false, Articles: false, AccountsDeleted: false, TagsWritten: 3));

        Assert.Empty(tags);
        Assert.True(name);
        Assert.Equal(["article:a-post", "theme-list", "theme:housing", "theme:leadership"],
            PageChangeTags.ForTags(["A-Post", "a-post"], ["housing", "Leadership", "housing"]));
    }

    [Fact]
    public void ManyTagsWritten_EvictEveryPageShowingTags_WithoutNamingEach()
    {
        var (tags, name) = PageChangeTags.Broad(new StoreWrite(false, false, false, PageChangeTags.ManyTags + 1));

        Assert.Equal([PageTags.Tags], tags);
        Assert.False(name);
    }

    [Fact]
    public void ThemeChanged_EvictsEveryThemedPage_WhichCoversTheTagsWrittenWithIt()
    {
        var (tags, name) = PageChangeTags.Broad(new StoreWrite(Themes: true, Articles: false, AccountsDeleted: false, TagsWritten: 5));

        Assert.Equal([PageTags.Themes], tags);
        Assert.False(name);
    }

    [Fact]
    public void ImportBatch_EvictsArticlePages_AndTheCodebookWhenItMovedTags()
    {
        Assert.Equal([PageTags.Articles], PageChangeTags.Broad(new StoreWrite(false, Articles: true, false, 0)).Tags);
        Assert.Equal([PageTags.Articles, PageTags.ThemeList], PageChangeTags.Broad(new StoreWrite(false, Articles: true, false, 2)).Tags);
    }

    [Fact]
    public void AccountDeleted_EvictsEveryPageShowingTags()
    {
        var (tags, name) = PageChangeTags.Broad(new StoreWrite(false, false, AccountsDeleted: true, TagsWritten: 0));

        Assert.Equal([PageTags.Tags], tags);
        Assert.False(name);
    }

    [Fact]
    public void NothingThePagesShow_EvictsNothing()
    {
        var (tags, name) = PageChangeTags.Broad(new StoreWrite(false, false, false, 0));

        Assert.Empty(tags);
        Assert.False(name);
    }
}
