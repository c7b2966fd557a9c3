using LocalGovBlog.Web.Annotations;

namespace LocalGovBlog.UnitTests.Annotations;

public class PassageAnchorTests
{
    private const string Text =
        "Devolution deals have moved money to combined authorities.\n\n"
        + "Mayors now answer for transport, skills and housing across their regions.\n\n"
        + "Yet councils still depend on grants that Whitehall sets each year.";

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
    public void UnchangedText_KeepsEveryRange()
    {
        var passages = new[] { "Devolution deals", "transport, skills and housing", "Whitehall sets each year." }
            .Select(w => Passage(Text, w)).ToList();
        var anchor = new PassageAnchor(Text, Text);
        foreach (var passage in passages)
        {
            var result = anchor.Reanchor(passage);
            Assert.Equal(AnchorOutcome.Kept, result.Outcome);
            Assert.Equal(passage, result.Selector);
        }
    }

    [Fact]
    public void EditBeforePassage_MovesItByTheEditsLength()
    {
        var passage = Passage(Text, "transport, skills and housing");
        var edited = Text.Replace("Devolution deals have", "The first devolution deals, signed in 2014, have", StringComparison.Ordinal);
        var result = Reanchor(Text, edited, passage);
        Assert.Equal(AnchorOutcome.Moved, result.Outcome);
        Assert.Equal(passage.Start + (edited.Length - Text.Length), result.Selector!.Start);
        Assert.Equal("transport, skills and housing", edited[result.Selector.Start..result.Selector.End]);
    }

    [Fact]
    public void OneOfTwoCopiesOfTheFirstWordDeletedBeforeIt_LeavesThePassageWhole()
    {
        // Found by PassageAnchorPropertyTests (seed aUbit_K6XOz3): the diff took the passage's own "w1186" for the copy
        // that went, and the passage lost its first word and was marked edited.
        const string Old = "w1669 w3745 w4737 w875 w3306 w1878 w3417 w1186 w1186 w4430 w565 w4909 w2295 w4809 w4296 w504 w4626 w2026 w1977 w2241 w516 w4080 w4411 w665";
        const string New = "w3745 w4737 w3306 w1878 w3417 w1186 w4430 w565 w4909 w2295 w4809 w4296 w4626 w3664 w2338 w1977 w2241 w516 w4080 w4411";
        var passage = PassageSelector.Of(Old, 47, 75);
        Assert.Equal("w1186 w4430 w565 w4909 w2295", passage.Exact);

        var result = new PassageAnchor(Old, New).Reanchor(passage);

        Assert.Equal(AnchorOutcome.Moved, result.Outcome);
        Assert.Equal((30, 58, passage.Exact), (result.Selector!.Start, result.Selector.End, result.Selector.Exact));
    }

    [Fact]
    public void EditAfterPassage_KeepsIt()
    {
        var passage = Passage(Text, "transport, skills and housing");
        var edited = Text.Replace("each year.", "each year, and can take away.", StringComparison.Ordinal);
        var result = Reanchor(Text, edited, passage);
        Assert.Equal(AnchorOutcome.Kept, result.Outcome);
        Assert.Equal((passage.Start, passage.End), (result.Selector!.Start, result.Selector.End));
    }

    [Fact]
    public void SmallEditInsidePassage_FollowsItOntoTheEditedWords_MarkedEdited()
    {
        var passage = Passage(Text, "Mayors now answer for transport, skills and housing across their regions.");
        var edited = Text.Replace("skills and housing", "skills, and housing", StringComparison.Ordinal);
        var result = Reanchor(Text, edited, passage);
        Assert.Equal(AnchorOutcome.Edited, result.Outcome);
        Assert.Equal("Mayors now answer for transport, skills, and housing across their regions.", result.Selector!.Exact);
    }

    [Fact]
    public void TextInsertedRightAfterPassage_IsNotPulledIntoIt()
    {
        var passage = Passage(Text, "combined authorities");
        var edited = Text.Replace("combined authorities.", "combined authorities and to mayors.", StringComparison.Ordinal);
        var result = Reanchor(Text, edited, passage);
        Assert.Equal("combined authorities", result.Selector!.Exact);
    }

    [Fact]
    public void DeletedPassage_BecomesAnOrphan()
    {
        var passage = Passage(Text, "Mayors now answer for transport, skills and housing across their regions.");
        var edited = Text.Replace("Mayors now answer for transport, skills and housing across their regions.\n\n", "", StringComparison.Ordinal);
        var result = Reanchor(Text, edited, passage);
        Assert.Equal(AnchorOutcome.Orphaned, result.Outcome);
        Assert.Null(result.Selector);
    }

    [Fact]
    public void RewrittenPassage_BecomesAnOrphanRatherThanAWrongMatch()
    {
        var passage = Passage(Text, "Yet councils still depend on grants that Whitehall sets each year.");
        var edited = Text.Replace("Yet councils still depend on grants that Whitehall sets each year.",
            "Local taxes, not national transfers, will fund the new settlement.", StringComparison.Ordinal);
        var result = Reanchor(Text, edited, passage);
        Assert.Equal(AnchorOutcome.Orphaned, result.Outcome);
    }

    [Fact]
    public void ShortPassageDeleted_IsNotAttachedToSimilarWordsElsewhere()
    {
        var text = "The council met. The cabinet met. The committee met.";
        var passage = Passage(text, "cabinet");
        var edited = "The council met. The committee met.";
        var result = Reanchor(text, edited, passage);
        Assert.Equal(AnchorOutcome.Orphaned, result.Outcome);
    }

    [Fact]
    public void QuoteOccurringTwice_StaysOnItsOwnOccurrence()
    {
        var text = "Partnership matters. In Leeds, partnership works well. In Hull, partnership works well too.";
        var second = Passage(text, "partnership works well", occurrence: 1);
        var edited = "Partnership matters a great deal. In Leeds, partnership works well. In Hull, partnership works well too.";
        var result = Reanchor(text, edited, second);
        Assert.Equal(edited.LastIndexOf("partnership works well", StringComparison.Ordinal), result.Selector!.Start);
    }

    [Fact]
    public void QuoteOccurringTwice_FollowsItsContextWhenTheDiffCannotPlaceIt()
    {
        var text = "In Leeds, partnership works well. In Hull, partnership works well too.";
        var hull = Passage(text, "partnership works well", occurrence: 1);
        // The Leeds sentence moves after the Hull one: only the prefix tells the two apart.
        var edited = "In Hull, partnership works well too. In Leeds, partnership works well.";
        var result = Reanchor(text, edited, hull);
        Assert.Equal(edited.IndexOf("partnership", StringComparison.Ordinal), result.Selector!.Start);
    }

    [Fact]
    public void LongPassageMovedFarAway_IsFoundByItsHeadAndTail()
    {
        var filler = string.Concat(Enumerable.Range(0, 40).Select(i => $"Sentence {i} about nothing much. "));
        var passageText = "The combined authority shall publish its budget, its audit and its scrutiny reports every quarter.";
        var text = passageText + " " + filler;
        var passage = Passage(text, passageText);
        var edited = filler + " " + passageText.Replace("every quarter", "each quarter", StringComparison.Ordinal);
        var result = Reanchor(text, edited, passage);
        Assert.Equal(AnchorOutcome.Edited, result.Outcome);
        Assert.StartsWith("The combined authority shall publish", result.Selector!.Exact, StringComparison.Ordinal);
        Assert.EndsWith("each quarter.", result.Selector.Exact, StringComparison.Ordinal);
    }

    [Fact]
    public void Selector_TakesAbout32CharactersOfContext()
    {
        var passage = Passage(Text, "transport");
        Assert.Equal(32, passage.Prefix.Length);
        Assert.EndsWith("answer for ", passage.Prefix, StringComparison.Ordinal);
        Assert.StartsWith(", skills", passage.Suffix, StringComparison.Ordinal);
    }
}
