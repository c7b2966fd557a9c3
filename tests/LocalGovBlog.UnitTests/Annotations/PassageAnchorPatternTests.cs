using LocalGovBlog.Web.Annotations;

namespace LocalGovBlog.UnitTests.Annotations;

/// <summary>The edits that used to crash an import or put a tag on the wrong words, one by one.</summary>
public class PassageAnchorPatternTests
{
    private const string First = "The spending review left councils with a single year of certainty and no word on reform.";
    private const string Second = "Combined authorities asked for a multi-year settlement, and the Treasury said it would consider one.";
    private const string Third = "Meanwhile adult social care absorbs a larger share of every council budget each year.";
    private const string Last = "The council said the settlement was fair, but the council also warned of cuts, and the council will consult in spring.";

    private static string Article(params string[] paragraphs) => string.Join("\n\n", paragraphs);

    private static PassageSelector Passage(string text, string words, int occurrence = 0)
    {
        var at = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            at = text.IndexOf(words, at + 1, StringComparison.Ordinal);
        }
        Assert.True(at >= 0, $"'{words}' is not in the text");
        return PassageSelector.Of(text, at, at + words.Length);
    }

    private static AnchorResult Reanchor(string oldText, string newText, PassageSelector passage) =>
        new PassageAnchor(oldText, newText).Reanchor(passage);

    [Fact]
    public void LastParagraphDeleted_OrphansItsTags_WithoutThrowing()
    {
        var old = Article(First, Second, Last);
        var edited = Article(First, Second);
        foreach (var words in new[] { Last, "will consult in spring.", "spring." })
        {
            var result = Reanchor(old, edited, Passage(old, words));
            Assert.Equal(AnchorOutcome.Orphaned, result.Outcome);
        }
    }

    [Fact]
    public void LastParagraphMovedToTheStart_TakesItsTagsAlong()
    {
        var old = Article(First, Second, Third, Last);
        var edited = Article(Last, First, Second, Third);
        var result = Reanchor(old, edited, Passage(old, "will consult in spring."));
        Assert.Equal(AnchorOutcome.Moved, result.Outcome);
        Assert.Equal(edited.IndexOf("will consult in spring.", StringComparison.Ordinal), result.Selector!.Start);
    }

    [Fact]
    public void ShortRepeatedQuote_WhoseOccurrenceWasDeleted_IsOrphaned_NotMovedToAnother()
    {
        var old = Article(First, Last);
        var passage = Passage(old, "the council"); // "but the council also warned"
        var edited = old.Replace("but the council also warned of cuts, and ", "and ", StringComparison.Ordinal);
        Assert.Equal(AnchorOutcome.Orphaned, Reanchor(old, edited, passage).Outcome);
    }

    [Fact]
    public void ShortRepeatedQuote_WithOneLetterChanged_StaysOnItsOwnOccurrence()
    {
        var old = Article(First, Last);
        var passage = Passage(old, "the council"); // "but the council also warned"
        var edited = old.Replace("but the council also", "but the councl also", StringComparison.Ordinal);
        var result = Reanchor(old, edited, passage);
        Assert.Equal(AnchorOutcome.Edited, result.Outcome);
        Assert.Equal(edited.IndexOf("the councl", StringComparison.Ordinal), result.Selector!.Start);
        Assert.Equal("the councl", result.Selector.Exact);
    }

    [Fact]
    public void ParagraphTag_WithATypoFixed_AndAParagraphAddedAfter_DoesNotGrowOverIt()
    {
        var typo = Second.Replace("settlement", "setlement", StringComparison.Ordinal);
        var old = Article(First, typo, Third);
        var edited = Article(First, Second, "A new paragraph about the fair funding review arrived late in the day.", Third);
        var result = Reanchor(old, edited, Passage(old, typo));
        Assert.Equal(AnchorOutcome.Edited, result.Outcome);
        Assert.Equal(Second, result.Selector!.Exact);
    }

    [Fact]
    public void MovedParagraph_WithItsOpeningReworded_AndASentenceAppended_IsFollowed()
    {
        var old = Article(First, Second, Third, Last);
        var reworded = "Mayors and combined authorities asked for a multi-year settlement, and the Treasury said it would consider one."
            + " Nothing has come of it since.";
        var edited = Article(First, Third, Last, reworded);
        var result = Reanchor(old, edited, Passage(old, Second));
        Assert.Equal(AnchorOutcome.Edited, result.Outcome);
        Assert.EndsWith("and the Treasury said it would consider one.", result.Selector!.Exact, StringComparison.Ordinal);
        Assert.Contains("asked for a multi-year settlement", result.Selector.Exact, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing has come of it", result.Selector.Exact, StringComparison.Ordinal);
    }

    [Fact]
    public void PastedRewordedCopy_WhileTheOriginalIsEditedAndMoved_FollowsTheOriginal()
    {
        var old = Article(Second, First, Third, Last);
        var copy = "Combined authorities wanted a multi-year deal, and the Treasury promised to think about one.";
        var original = Second.Replace("settlement", "setlement", StringComparison.Ordinal);
        var edited = Article(copy, First, Third, original, Last);
        var result = Reanchor(old, edited, Passage(old, Second));
        Assert.Equal(edited.IndexOf(original, StringComparison.Ordinal), result.Selector!.Start);
        Assert.Equal(original, result.Selector.Exact);
        // A few of its words, which the copy shares, follow the original too.
        var words = Reanchor(old, edited, Passage(old, "Combined authorities"));
        Assert.Equal(edited.IndexOf(original, StringComparison.Ordinal), words.Selector!.Start);
    }

    [Fact]
    public void PassageWhoseWordsWereAllRewritten_IsOrphaned_EvenWithAMatchingPhraseElsewhere()
    {
        var old = Article(First, Third, Last);
        var edited = Article(First, "Care costs now take most of what councils spend.", Last);
        Assert.Equal(AnchorOutcome.Orphaned, Reanchor(old, edited, Passage(old, Third)).Outcome);
    }

    [Fact]
    public void FirstWordsReplaced_TheTagTakesTheWordsThatReplacedThem()
    {
        var old = Article(First, Third);
        var edited = old.Replace("Meanwhile adult social care", "Adult social care", StringComparison.Ordinal);
        var result = Reanchor(old, edited, Passage(old, Third));
        Assert.Equal(AnchorOutcome.Edited, result.Outcome);
        Assert.StartsWith("Adult social care absorbs", result.Selector!.Exact, StringComparison.Ordinal);
    }

    [Fact]
    public void SelectorWhoseOffsetsDoNotHoldItsQuote_IsPlacedByItsQuote()
    {
        var old = Article(First, Second);
        var right = Passage(old, "multi-year settlement");
        var wrongOffsets = right with { Start = 3, End = 9 };
        var edited = "Breaking: " + old;
        var result = Reanchor(old, edited, wrongOffsets);
        Assert.Equal(edited.IndexOf("multi-year settlement", StringComparison.Ordinal), result.Selector!.Start);
    }

    [Theory]
    [InlineData(-5, 3)]
    [InlineData(10, 2)]
    [InlineData(int.MinValue, int.MaxValue)]
    [InlineData(int.MaxValue, int.MinValue)]
    [InlineData(1_000_000, 1_000_050)]
    public void SelectorOffsetsOutsideTheText_NeverThrow(int start, int end)
    {
        var old = Article(First, Last);
        var edited = Article(First);
        var anchor = new PassageAnchor(old, edited);
        foreach (var exact in new[] { "", "spring.", "not in the text at all", Last + Last })
        {
            var result = anchor.Reanchor(new PassageSelector(start, end, exact, "", ""));
            if (result.Selector is { } selector)
            {
                Assert.InRange(selector.Start, 0, edited.Length);
                Assert.InRange(selector.End, selector.Start, edited.Length);
            }
        }
    }

    [Fact]
    public void EmptyNewText_OrphansEverything()
    {
        var old = Article(First, Last);
        var result = Reanchor(old, "", Passage(old, "spring."));
        Assert.Equal(AnchorOutcome.Orphaned, result.Outcome);
    }
}
