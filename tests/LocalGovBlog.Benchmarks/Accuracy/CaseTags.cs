namespace LocalGovBlog.Benchmarks.Accuracy;

/// <summary>Tags as readers make them on the old text: whole words, from a few words to a paragraph.</summary>
public sealed class CaseTags(Random random, string old)
{
    private readonly List<(string Shape, int Start, int End)> _all = [];

    public IReadOnlyList<(string Shape, int Start, int End)> All => _all;

    public void Add(string shape, (int Start, int End) range)
    {
        if (range.End > range.Start && !_all.Any(t => t.Start == range.Start && t.End == range.End))
        {
            _all.Add((shape, range.Start, range.End));
        }
    }

    public (int Start, int End) AnyParagraph()
    {
        var paragraphs = EditDesk.Paragraphs(old);
        return paragraphs[random.Next(paragraphs.Count)];
    }

    public (int Start, int End) AnySentence() => SentenceIn(AnyParagraph());

    public (int Start, int End) SentenceIn((int Start, int End) paragraph)
    {
        var sentences = EditDesk.Sentences(old, paragraph);
        return sentences[random.Next(sentences.Count)];
    }

    public void Paragraph((int Start, int End) paragraph) => Add("paragraph", paragraph);

    public void Sentence((int Start, int End) sentence) => Add("sentence", sentence);

    /// <summary><paramref name="min"/> to <paramref name="max"/> consecutive words inside <paramref name="range"/>.</summary>
    public void Phrase((int Start, int End) range, int min, int max)
    {
        var words = EditDesk.Words(old, range);
        var count = Math.Min(words.Count, random.Next(min, max + 1));
        var first = random.Next(0, words.Count - count + 1);
        Add(count <= 3 ? "phrase" : "clause", (words[first].Start, words[first + count - 1].End));
    }

    /// <summary>From the middle of one sentence to the middle of the next, around <paramref name="sentence"/>.</summary>
    public void AcrossSentenceEdge((int Start, int End) sentence)
    {
        var paragraph = EditDesk.Paragraphs(old).First(p => p.Start <= sentence.Start && sentence.End <= p.End);
        var sentences = EditDesk.Sentences(old, paragraph);
        var at = sentences.ToList().IndexOf(sentence);
        if (sentences.Count < 2 || at < 0)
        {
            Phrase(sentence, 4, 8);
            return;
        }
        var (a, b) = at + 1 < sentences.Count && (at == 0 || random.Next(2) == 0) ? (sentences[at], sentences[at + 1]) : (sentences[at - 1], sentences[at]);
        var left = EditDesk.Words(old, a);
        var right = EditDesk.Words(old, b);
        Add("across sentences", (left[left.Count / 2].Start, right[right.Count / 2].End));
    }

    public void Random(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var paragraph = AnyParagraph();
            switch (random.Next(6))
            {
                case 0: Phrase(paragraph, 2, 3); break;
                case 1: Phrase(paragraph, 4, 8); break;
                case 2: Sentence(SentenceIn(paragraph)); break;
                case 3: Paragraph(paragraph); break;
                case 4: AcrossSentenceEdge(SentenceIn(paragraph)); break;
                default: Phrase(SentenceIn(paragraph), 1, 2); break;
            }
        }
    }

    public IEnumerable<(int Start, int End)> SentencesWith(char[] characters) =>
        EditDesk.Paragraphs(old).SelectMany(p => EditDesk.Sentences(old, p))
            .Where(s => old.AsSpan(s.Start, s.End - s.Start).IndexOfAny(characters) >= 0)
            .OrderBy(_ => random.Next());

    /// <summary>Phrases of two or three words (only letters and single spaces) that occur more than once, each with its occurrences.</summary>
    public static IReadOnlyList<List<(int Start, int End)>> RepeatedPhrases(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = EditDesk.Words(text, (0, text.Length));
        var byText = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        for (var n = 2; n <= 3; n++)
        {
            for (var i = 0; i + n <= words.Count; i++)
            {
                var (start, end) = (words[i].Start, words[i + n - 1].End);
                var phrase = text[start..end];
                if (!phrase.All(c => char.IsLetter(c) || c == ' ') || phrase.Contains("  ", StringComparison.Ordinal))
                {
                    continue;
                }
                if (!byText.TryGetValue(phrase, out var list))
                {
                    byText[phrase] = list = [];
                }
                list.Add((start, end));
            }
        }
        return [.. byText.Values.Where(l => l.Count > 1)];
    }
}
