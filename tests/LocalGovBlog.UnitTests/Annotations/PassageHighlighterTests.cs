using LocalGovBlog.Web.Annotations;

namespace LocalGovBlog.UnitTests.Annotations;

public class PassageHighlighterTests
{
    [Fact]
    public void OverlappingTags_SplitTheBlockAtEveryBoundary_AndEachSegmentListsTheTagsCoveringIt()
    {
        HighlightRange[] ranges = [new(1, 5, 15, "devolution"), new(2, 10, 20, "brexit")];

        var segments = PassageHighlighter.Segments(0, 30, ranges);

        Assert.Equal([(0, 5), (5, 10), (10, 15), (15, 20), (20, 30)], segments.Select(s => (s.Start, s.End)));
        Assert.Equal([[], [1], [1, 2], [2], []], segments.Select(s => s.Covering.Select(r => r.Id).ToArray()));
    }

    [Fact]
    public void TagRunningAcrossBlocks_IsCutToEachBlock()
    {
        var segments = PassageHighlighter.Segments(12, 20, [new HighlightRange(7, 5, 15, "housing")]);

        Assert.Equal([(12, 15, 1), (15, 20, 0)], segments.Select(s => (s.Start, s.End, s.Covering.Count)));
    }

    [Fact]
    public void BlockWithoutTags_IsOneUnmarkedSegment()
    {
        var segments = PassageHighlighter.Segments(40, 90, [new HighlightRange(1, 0, 10, "housing")]);

        Assert.Equal((40, 90, 0), (segments.Single().Start, segments.Single().End, segments.Single().Covering.Count));
    }
}
