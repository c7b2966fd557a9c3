using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

public sealed class CanonicalTextTests
{
    [Fact]
    public void Compose_JoinsBlocksWithABlankLineAndRecordsEachBlocksOffsets()
    {
        ParsedBlock[] blocks =
        [
            new(BlockKind.Paragraph, "He said:", 1, 1),
            new(BlockKind.Quote, "\u201CLead the way.\u201D", 3, 3),
            new(BlockKind.ListItem, "trust", 5, 5),
        ];

        var (text, spans) = CanonicalText.Compose(blocks);

        Assert.Equal("He said:\n\n\u201CLead the way.\u201D\n\ntrust", text);
        Assert.Equal(blocks.Select(b => b.Text), spans.Select(s => text[s.Start..s.End]));
    }

    [Fact]
    public void Compose_OfNoBlocksIsEmpty()
    {
        var (text, spans) = CanonicalText.Compose([]);

        Assert.Equal("", text);
        Assert.Empty(spans);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("one", 1)]
    [InlineData("the way\u00A0post-Brexit", 3)]
    [InlineData("  two\n\nwords  ", 2)]
    public void CountWords_CountsRunsOfNonSpace(string text, int expected) =>
        Assert.Equal(expected, CanonicalText.CountWords(text));
}
