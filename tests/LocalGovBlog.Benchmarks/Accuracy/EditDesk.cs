using System.Text.RegularExpressions;

namespace LocalGovBlog.Benchmarks.Accuracy;

/// <summary>
/// The edits an editor makes between two imports, done on a <see cref="TracedText"/> so that every
/// character keeps its provenance: typo fixes, rewordings, deleted and added sentences and
/// paragraphs, moved paragraphs, typographic quotes.
/// </summary>
public sealed partial class EditDesk(Random random, ArticleWriter writer, TracedText text)
{
    public TracedText Text => text;

    public static IReadOnlyList<(int Start, int End)> Paragraphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = new List<(int, int)>();
        var start = 0;
        while (true)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0)
            {
                paragraphs.Add((start, text.Length));
                return paragraphs;
            }
            paragraphs.Add((start, end));
            start = end + 2;
        }
    }

    public static IReadOnlyList<(int Start, int End)> Sentences(string text, (int Start, int End) range)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. SentencePattern().Matches(text[range.Start..range.End]).Select(m => (range.Start + m.Index, range.Start + m.Index + m.Length))];
    }

    /// <summary>Words as a reader selects them: without the punctuation and quotes around them.</summary>
    public static IReadOnlyList<(int Start, int End)> Words(string text, (int Start, int End) range)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<(int, int)>();
        foreach (Match m in WordPattern().Matches(text[range.Start..range.End]))
        {
            var (start, end) = (range.Start + m.Index, range.Start + m.Index + m.Length);
            while (start < end && !char.IsLetterOrDigit(text[start]))
            {
                start++;
            }
            while (end > start && !char.IsLetterOrDigit(text[end - 1]))
            {
                end--;
            }
            if (end > start)
            {
                words.Add((start, end));
            }
        }
        return words;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Fixes (or makes) a one- or two-letter slip in the word at <paramref name="index"/>.</summary>
    public void Typo(int index)
    {
        var current = text.Text;
        var word = Words(current, (0, current.Length)).FirstOrDefault(w => w.Start <= index && index < w.End);
        if (word.End - word.Start < 4)
        {
            word = Words(current, (0, current.Length)).Where(w => w.End - w.Start >= 4).OrderBy(w => Math.Abs(w.Start - index)).First();
        }
        var at = random.Next(word.Start + 1, word.End - 1);
        switch (random.Next(4))
        {
            case 0:
                text.Replace(at, at + 1, current[at] == 'e' ? "a" : "e");
                break;
            case 1:
                text.Delete(at, at + 1);
                break;
            case 2:
                text.Insert(at, current[at].ToString());
                break;
            default:
                text.Move(at, at + 1, at + 1); // two letters swapped: both are still the old letters
                break;
        }
    }

    /// <summary>Replaces one to three words starting at the word at <paramref name="index"/> with other words.</summary>
    public void Reword(int index, int maxWords = 3)
    {
        var current = text.Text;
        var sentence = SentenceAt(index);
        var words = Words(current, sentence);
        var first = Math.Max(0, words.Count(w => w.End <= index));
        first = Math.Min(first, words.Count - 1);
        var last = Math.Min(words.Count - 1, first + random.Next(0, maxWords));
        var old = current[words[first].Start..words[last].End];
        var replacement = writer.Rewording(old);
        if (char.IsUpper(old[0]))
        {
            replacement = char.ToUpperInvariant(replacement[0]) + replacement[1..];
        }
        text.Replace(words[first].Start, words[last].End, replacement);
    }

    /// <summary>Deletes the sentence around <paramref name="index"/> with one space beside it, or its whole paragraph if it is the only sentence.</summary>
    public void DeleteSentence(int index)
    {
        var current = text.Text;
        var paragraph = ParagraphAt(index);
        var sentences = Sentences(current, paragraph);
        if (sentences.Count <= 1)
        {
            DeleteParagraph(index);
            return;
        }
        var sentence = sentences.FirstOrDefault(s => s.Start <= index && index < s.End);
        sentence = sentence == default ? sentences.OrderBy(s => Math.Abs(s.Start - index)).First() : sentence;
        if (sentence.End < paragraph.End && current[sentence.End] == ' ')
        {
            text.Delete(sentence.Start, sentence.End + 1);
        }
        else
        {
            text.Delete(Math.Max(paragraph.Start, sentence.Start - 1), sentence.End);
        }
    }

    public void DeleteParagraph(int index)
    {
        var paragraphs = Paragraphs(text.Text);
        if (paragraphs.Count == 1)
        {
            return; // an article keeps at least one paragraph
        }
        var at = IndexOfParagraph(paragraphs, index);
        var (start, end) = paragraphs[at];
        if (at < paragraphs.Count - 1)
        {
            text.Delete(start, end + 2);
        }
        else
        {
            text.Delete(start - 2, end);
        }
    }

    /// <summary>Puts a new paragraph in slot <paramref name="slot"/> (0 = first, paragraph count = last).</summary>
    public void InsertParagraph(int slot, string paragraph)
    {
        var paragraphs = Paragraphs(text.Text);
        if (slot >= paragraphs.Count)
        {
            text.Insert(text.Length, "\n\n" + paragraph);
        }
        else
        {
            text.Insert(paragraphs[slot].Start, paragraph + "\n\n");
        }
    }

    public void AppendSentence(int index, string sentence)
    {
        var paragraph = ParagraphAt(index);
        text.Insert(paragraph.End, " " + sentence);
    }

    public void InsertSentence(int index, string sentence)
    {
        var current = text.Text;
        var paragraph = ParagraphAt(index);
        var sentences = Sentences(current, paragraph);
        var at = sentences.Count == 0 ? paragraph.Start : Pick(sentences).Start;
        text.Insert(at, sentence + " ");
    }

    /// <summary>Moves the paragraph around <paramref name="index"/> to slot <paramref name="slot"/> of the other paragraphs.</summary>
    public void MoveParagraph(int index, int slot)
    {
        var paragraphs = Paragraphs(text.Text);
        if (paragraphs.Count < 2)
        {
            return;
        }
        var at = IndexOfParagraph(paragraphs, index);
        var (start, end) = paragraphs[at];
        // Take away the separator that goes with it, then the paragraph itself.
        if (at < paragraphs.Count - 1)
        {
            text.Delete(end, end + 2);
        }
        else
        {
            text.Delete(start - 2, start);
            (start, end) = (start - 2, end - 2);
        }
        var length = end - start;
        var rest = text.Text.Remove(start, length);
        var others = Paragraphs(rest);
        slot = Math.Clamp(slot, 0, others.Count);
        if (slot < others.Count)
        {
            var to = others[slot].Start;
            text.Move(start, end, to);
            text.Insert(to + length, "\n\n");
        }
        else
        {
            text.Move(start, end, rest.Length);
            text.Insert(rest.Length, "\n\n");
        }
    }

    /// <summary>Straight quotes, apostrophes and spaced hyphens become typographic ones; <paramref name="share"/> of them.</summary>
    public void TypographicQuotes(double share = 1.0)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var current = text.Text;
            var c = current[i];
            if (c is not ('"' or '\'' or '-') || random.NextDouble() >= share)
            {
                continue;
            }
            if (c == '-')
            {
                if (i > 0 && i + 1 < current.Length && current[i - 1] == ' ' && current[i + 1] == ' ')
                {
                    text.Replace(i, i + 1, "–");
                }
                continue;
            }
            var opens = i == 0 || char.IsWhiteSpace(current[i - 1]);
            text.Replace(i, i + 1, c == '\'' ? (opens ? "‘" : "’") : (opens ? "“" : "”"));
        }
    }

    /// <summary>A lightly reworded copy of a passage: one or two phrases said differently.</summary>
    public string LightlyReworded(string passage)
    {
        var copy = new TracedText(passage);
        var desk = new EditDesk(random, writer, copy);
        for (var i = random.Next(1, 3); i > 0; i--)
        {
            var words = Words(copy.Text, (0, copy.Length));
            desk.Reword(words[random.Next(words.Count)].Start, maxWords: 2);
        }
        return copy.Text;
    }

    public (int Start, int End) ParagraphAt(int index)
    {
        var paragraphs = Paragraphs(text.Text);
        return paragraphs[IndexOfParagraph(paragraphs, index)];
    }

    public (int Start, int End) SentenceAt(int index)
    {
        var current = text.Text;
        var sentences = Sentences(current, ParagraphAt(index));
        if (sentences.Count == 0)
        {
            return ParagraphAt(index);
        }
        var found = sentences.FirstOrDefault(s => s.Start <= index && index < s.End);
        return found == default ? sentences.OrderBy(s => Math.Abs(s.Start - index)).First() : found;
    }

    private static int IndexOfParagraph(IReadOnlyList<(int Start, int End)> paragraphs, int index)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (index < paragraphs[i].End + 2)
            {
                return i;
            }
        }
        return paragraphs.Count - 1;
    }

    [GeneratedRegex(@"[^\s.?!][^.?!]*[.?!]+[""”’]?")]
    private static partial Regex SentencePattern();

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordPattern();
}
