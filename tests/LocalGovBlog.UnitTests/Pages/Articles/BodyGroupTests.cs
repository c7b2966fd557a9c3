using LocalGovBlog.Web.Import;
using LocalGovBlog.Web.Pages.Articles;

namespace LocalGovBlog.UnitTests.Pages.Articles;

public sealed class BodyGroupTests
{
    private static BlockView Block(BlockKind kind, int start, bool ordered = false) => new(kind, ordered, start, start + 5);

    [Fact]
    public void BodyGroup_PutsConsecutiveListItemsOfOneKindInOneList()
    {
        var groups = BodyGroup.From(
        [
            Block(BlockKind.Paragraph, 0),
            Block(BlockKind.ListItem, 7),
            Block(BlockKind.ListItem, 14),
            Block(BlockKind.ListItem, 21, ordered: true),
            Block(BlockKind.ListItem, 28, ordered: true),
            Block(BlockKind.Quote, 35),
            Block(BlockKind.ListItem, 42),
        ]);

        Assert.Equal(
            [(BlockKind.Paragraph, false, 1), (BlockKind.ListItem, false, 2), (BlockKind.ListItem, true, 2), (BlockKind.Quote, false, 1), (BlockKind.ListItem, false, 1)],
            groups.Select(g => (g.Kind, g.Ordered, g.Blocks.Count)));
        Assert.Equal([7, 14], groups[1].Blocks.Select(b => b.Start));
    }

    [Fact]
    public void BodyGroup_KeepsEveryBlockOnceAndInOrder()
    {
        BlockView[] blocks = [Block(BlockKind.ListItem, 0), Block(BlockKind.Paragraph, 7), Block(BlockKind.Paragraph, 14), Block(BlockKind.ListItem, 21)];

        var groups = BodyGroup.From(blocks);

        Assert.Equal(blocks, groups.SelectMany(g => g.Blocks));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(100, 1)]
    [InlineData(460, 2)]
    [InlineData(560, 2)]
    [InlineData(2300, 10)]
    public void ReadingTime_IsWordsOver230PerMinuteAndAtLeastOneMinute(int words, int minutes) =>
        Assert.Equal(minutes, ReadingTime.Minutes(words));

    [Fact]
    public void OpeningWords_StopsAtTheCountWithAnEllipsis()
    {
        Assert.Equal("one two three…", ArticleListQuery.OpeningWords("one two three, four five", 3));
        Assert.Equal("one two", ArticleListQuery.OpeningWords("one\u00A0two", 3));
    }

    [Fact]
    public void OpeningWords_NeverEndsInAWordCutShortByTheDatabase() =>
        Assert.Equal("one two…", ArticleListQuery.OpeningWords("one two thr", 40, textWasCut: true));
}
