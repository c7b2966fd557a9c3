using CsCheck;
using LocalGovBlog.Benchmarks.Accuracy;
using LocalGovBlog.Web.Annotations;

namespace LocalGovBlog.UnitTests.Annotations;

/// <summary>
/// Random texts, random edit scripts (insertions, deletions, replacements and moves anywhere,
/// including at both ends and over the whole passage) and random selectors, valid or not:
/// re-anchoring never throws, never returns a range outside the new text, and a passage whose
/// characters were all deleted is always an orphan. The edit scripts run on
/// <see cref="TracedText"/>, so which characters were deleted is known from the script itself.
/// </summary>
public class PassageAnchorBoundsPropertyTests
{
    /// <summary>One edit: Kind 0–1 insert (anywhere, at an end), 2–3 delete (anywhere, at an end), 4 replace, 5 move.</summary>
    private sealed record Edit(int Kind, int At, int Length, int To, string Text);

    // Words that recur, paragraph breaks, a non-breaking space, an accent and an astral character.
    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.Const("the council "), Gen.Const("mayor "), Gen.Const("\n\n"), Gen.Const("\u00A0"), Gen.Const("café "),
        Gen.Const("😀"), Gen.Const(". "), Gen.String[Gen.Char["abcde \n"], 1, 10]);

    private static readonly Gen<string> Text = Piece.Array[0, 40].Select(string.Concat);

    private static readonly Gen<Edit> EditGen =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 100_000], Gen.Int[0, 80], Gen.Int[0, 100_000], Piece.Array[0, 6].Select(string.Concat),
            (kind, at, length, to, text) => new Edit(kind, at, length, to, text));

    [Fact]
    public void AnySelectorAfterAnyEdits_NeverThrows_AndLandsOnTheNewTextsOwnWords()
    {
        var selectorParts = Gen.Select(Gen.Int[-3, 100_000], Gen.Int[-3, 100_000], Gen.Int[0, 3], Text);
        Gen.Select(Text, EditGen.Array[0, 8], selectorParts).Sample((old, edits, parts) =>
        {
            var traced = new TracedText(old);
            foreach (var edit in edits)
            {
                Apply(traced, edit);
            }
            var (a, b, shape, junk) = parts;
            PassageSelector selector;
            if (shape == 0 && old.Length > 0)
            {
                // A real selector of the old text.
                var start = Math.Abs(a) % old.Length;
                selector = PassageSelector.Of(old, start, start + (Math.Abs(b) % (old.Length - start + 1)));
            }
            else
            {
                // Whatever a damaged store might hold: offsets anywhere, a quote from nowhere.
                selector = new PassageSelector(shape == 1 ? -a : a, shape == 2 ? int.MaxValue - b : b, junk, junk, old);
            }
            AssertWellFormed(traced.Text, new PassageAnchor(old, traced.Text).Reanchor(selector));
        }, iter: 3000);
    }

    [Fact]
    public void PassageWhoseCharactersWereAllDeleted_IsAlwaysAnOrphan()
    {
        // Every character distinct (paragraph breaks aside) and every inserted one new, so that no
        // diff can mistake other text for the passage's own.
        var distinct = Gen.Select(Gen.Int[1, 400], Gen.Int[0, 20_000], Gen.Int[0, 9], (length, offset, breaks) =>
            string.Concat(Enumerable.Range(0, length).Select(i => i % 37 == 36 && breaks > 4 ? '\n' : (char)(0x4E00 + offset + i))));
        var fresh = Gen.Int[1, 40].Select(n => new string('\u3041', n));
        var script = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 100_000], Gen.Int[0, 80], Gen.Int[0, 100_000], fresh,
            (kind, at, length, to, text) => new Edit(kind, at, length, to, text));
        Gen.Select(distinct, Gen.Int[0, 100_000], Gen.Int[1, 60], script.Array[0, 5], Gen.Select(Gen.Int[0, 40], Gen.Int[0, 40], Gen.Int[0, 2], fresh))
            .Sample((old, at, length, edits, cover) =>
            {
                var start = at % old.Length;
                var end = Math.Min(old.Length, start + length);
                if (old.AsSpan(start, end - start).Count('\n') * 5 > end - start)
                {
                    return; // mostly paragraph breaks: those recur everywhere
                }
                var passage = PassageSelector.Of(old, start, end);
                var traced = new TracedText(old);
                // Edits before and after, and one that covers the whole passage (reaching past it on
                // either side, to the ends of the text at most): deleted, or replaced by new text.
                var (before, after, how, replacement) = cover;
                foreach (var edit in edits.Take(edits.Length / 2))
                {
                    Apply(traced, edit);
                }
                var now = traced.CurrentPositions();
                var survivors = Enumerable.Range(start, end - start).Where(i => now[i] >= 0).Select(i => now[i]).ToList();
                if (survivors.Count > 0 && survivors.Max() - survivors.Min() + 1 == survivors.Count)
                {
                    var from = Math.Max(0, survivors.Min() - before);
                    var to = Math.Min(traced.Length, survivors.Max() + 1 + after);
                    traced.Replace(from, to, how == 0 ? "" : replacement);
                }
                foreach (var edit in edits.Skip(edits.Length / 2))
                {
                    Apply(traced, edit);
                }
                var result = new PassageAnchor(old, traced.Text).Reanchor(passage);
                AssertWellFormed(traced.Text, result);
                var positions = traced.CurrentPositions();
                if (Enumerable.Range(start, end - start).All(i => positions[i] < 0 || old[i] == '\n'))
                {
                    Assert.Equal(AnchorOutcome.Orphaned, result.Outcome);
                }
            }, iter: 3000);
    }

    private static void AssertWellFormed(string newText, AnchorResult result)
    {
        if (result.Selector is not { } selector)
        {
            Assert.Equal(AnchorOutcome.Orphaned, result.Outcome);
            return;
        }
        Assert.NotEqual(AnchorOutcome.Orphaned, result.Outcome);
        Assert.InRange(selector.Start, 0, newText.Length);
        Assert.InRange(selector.End, selector.Start + 1, newText.Length);
        Assert.Equal(newText[selector.Start..selector.End], selector.Exact);
        Assert.EndsWith(selector.Prefix, newText[..selector.Start], StringComparison.Ordinal);
        Assert.StartsWith(selector.Suffix, newText[selector.End..], StringComparison.Ordinal);
    }

    private static void Apply(TracedText text, Edit edit)
    {
        var length = text.Length;
        var at = edit.At % (length + 1);
        var end = Math.Min(length, at + edit.Length);
        switch (edit.Kind)
        {
            case 0:
                text.Insert(at, edit.Text);
                break;
            case 1:
                text.Insert(edit.At % 2 == 0 ? 0 : length, edit.Text);
                break;
            case 2:
                text.Delete(at, end);
                break;
            case 3:
                // From the start, or up to the end.
                text.Delete(edit.At % 2 == 0 ? 0 : Math.Max(0, length - edit.Length), edit.At % 2 == 0 ? Math.Min(length, edit.Length) : length);
                break;
            case 4:
                text.Replace(at, end, edit.Text);
                break;
            default:
                var rest = length - (end - at);
                text.Move(at, end, edit.To % (rest + 1));
                break;
        }
    }
}
