using CsCheck;
using LocalGovBlog.Web.Annotations;

namespace LocalGovBlog.UnitTests.Annotations;

/// <summary>Edits anywhere outside a passage never move its words: it lands exactly where its words went.</summary>
public class PassageAnchorPropertyTests
{
    private static readonly Gen<string> Word = Gen.Int[0, 4999].Select(n => $"w{n}");

    /// <summary>An edit of the words outside the passage: insert, delete or replace at a word index.</summary>
    private sealed record Edit(int Kind, int Index, string Word);

    private static readonly Gen<Edit> EditGen = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 10_000], Word, (k, i, w) => new Edit(k, i, w));

    private static readonly Gen<(string[] Words, int From, int Length, Edit[] Edits)> Case =
        from words in Word.Array[8, 80]
        from first in Gen.Int[0, words.Length - 1]
        from length in Gen.Int[1, Math.Min(6, words.Length - first)]
        from edits in EditGen.Array[1, 12]
        select (words, first, length, edits);

    [Fact]
    public void EditsElsewhere_NeverMoveAPassagesWords()
    {
        Case.Sample(c =>
        {
            var (oldText, oldStart, oldEnd) = Compose([.. c.Words], c.From, c.Length);
            var words = c.Words.ToList();
            var first = c.From;
            var passageWords = c.Words.Skip(c.From).Take(c.Length).ToHashSet();
            // An edit that types in another copy of the passage's own words makes "its words"
            // ambiguous (either copy could be the one that stayed): not an edit elsewhere.
            foreach (var edit in c.Edits.Where(e => !passageWords.Contains(e.Word)))
            {
                // Pick a word index outside the passage [first, first + Length).
                var outside = words.Count - c.Length;
                var slot = edit.Index % (outside + 1);
                var index = slot < first ? slot : slot + c.Length;
                switch (edit.Kind)
                {
                    case 0:
                        words.Insert(index, edit.Word);
                        if (index <= first)
                        {
                            first++;
                        }
                        break;
                    case 1 when index < words.Count:
                        words.RemoveAt(index);
                        if (index < first)
                        {
                            first--;
                        }
                        break;
                    case 2 when index < words.Count:
                        words[index] = edit.Word;
                        break;
                }
            }
            var (newText, newStart, newEnd) = Compose(words, first, c.Length);
            var result = new PassageAnchor(oldText, newText).Reanchor(PassageSelector.Of(oldText, oldStart, oldEnd));
            Assert.NotNull(result.Selector);
            Assert.Equal(oldText[oldStart..oldEnd], result.Selector.Exact);
            Assert.Equal((newStart, newEnd), (result.Selector.Start, result.Selector.End));
        }, iter: 2000);
    }

    private static (string Text, int Start, int End) Compose(List<string> words, int first, int length)
    {
        var start = string.Join(' ', words.Take(first)).Length + (first > 0 ? 1 : 0);
        var passage = string.Join(' ', words.Skip(first).Take(length));
        return (string.Join(' ', words), start, start + passage.Length);
    }
}
