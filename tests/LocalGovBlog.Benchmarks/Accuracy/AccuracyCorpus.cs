using LocalGovBlog.Web.Annotations;

namespace LocalGovBlog.Benchmarks.Accuracy;

/// <summary>One tag on the old text and where the characters say it should land.</summary>
public sealed record AccuracyTag(string Shape, PassageSelector Selector, ExpectedAnchor Expected);

/// <summary>An article, an edit of one kind, and the tags on it.</summary>
public sealed record AccuracyCase(string EditKind, int Number, string OldText, string NewText, IReadOnlyList<AccuracyTag> Tags);

/// <summary>
/// The accuracy benchmark's cases, generated in code from a fixed seed: invented articles, tags a
/// reader might make (a few words, a clause, a sentence, a paragraph, across two sentences), and
/// the edits of each kind an editor makes between two imports of the same blog.
/// </summary>
public static class AccuracyCorpus
{
    public const int DefaultSeed = 20260409;

    public static readonly IReadOnlyList<string> EditKinds =
    [
        "typo fixes",
        "reworded phrases",
        "deleted sentences",
        "rewritten sentence",
        "moved paragraph",
        "pasted reworded copy",
        "copy pasted, original edited and moved",
        "quote style",
        "several at once",
        "short repeated quotes",
        "paragraph tag, typo, paragraph added after",
        "moved paragraph, reworded opening, sentence appended",
        "edits at the start and end",
    ];

    public static IEnumerable<AccuracyCase> Cases(int casesPerKind = 10, int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var writer = new ArticleWriter(random);
        foreach (var kind in EditKinds)
        {
            for (var n = 1; n <= casesPerKind; n++)
            {
                var old = writer.Article();
                var traced = new TracedText(old);
                var desk = new EditDesk(random, writer, traced);
                var tags = new CaseTags(random, old);
                Edit(kind, desk, tags, writer, random);
                if (traced.Text == old)
                {
                    desk.InsertParagraph(random.Next(0, 3), writer.Paragraph()); // every case changes the text
                }
                var positions = traced.CurrentPositions();
                yield return new AccuracyCase(kind, n, old, traced.Text,
                    [.. tags.All.Select(t => new AccuracyTag(t.Shape, PassageSelector.Of(old, t.Start, t.End),
                        ExpectedAnchor.For(traced, positions, t.Start, t.End)))]);
            }
        }
    }

    private static void Edit(string kind, EditDesk desk, CaseTags tags, ArticleWriter writer, Random random)
    {
        var old = desk.Text.Original;
        var paragraphs = EditDesk.Paragraphs(old);
        switch (kind)
        {
            case "typo fixes":
            {
                tags.Random(4);
                tags.Paragraph(tags.AnyParagraph());
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    desk.Typo(InsideATag(desk, tags, random));
                }
                break;
            }
            case "reworded phrases":
            {
                tags.Random(4);
                tags.Sentence(tags.AnySentence());
                for (var i = random.Next(1, 3); i > 0; i--)
                {
                    desk.Reword(InsideATag(desk, tags, random));
                }
                break;
            }
            case "deleted sentences":
            {
                var sentence = tags.AnySentence();
                tags.Add("sentence", sentence);
                tags.Phrase(sentence, 2, 4);
                tags.AcrossSentenceEdge(sentence);
                tags.Random(2);
                desk.DeleteSentence(sentence.Start);
                if (random.Next(3) == 0)
                {
                    desk.DeleteSentence(random.Next(desk.Text.Length));
                }
                break;
            }
            case "rewritten sentence":
            {
                var sentence = tags.AnySentence();
                tags.Add("sentence", sentence);
                tags.Phrase(sentence, 2, 3);
                tags.Phrase(sentence, 4, 7);
                tags.Random(2);
                desk.Text.Replace(sentence.Start, sentence.End, writer.SentenceUnlike(old[sentence.Start..sentence.End]));
                break;
            }
            case "moved paragraph":
            {
                var at = random.Next(paragraphs.Count);
                TagParagraphAndInside(tags, paragraphs[at]);
                tags.Random(2);
                desk.MoveParagraph(paragraphs[at].Start, OtherSlot(random, at, paragraphs.Count));
                break;
            }
            case "pasted reworded copy":
            {
                var paragraph = paragraphs[random.Next(paragraphs.Count)];
                TagParagraphAndInside(tags, paragraph);
                tags.Random(1);
                var copy = desk.LightlyReworded(old[paragraph.Start..paragraph.End]);
                if (random.Next(2) == 0)
                {
                    desk.Typo(random.Next(paragraph.Start, paragraph.End));
                }
                desk.InsertParagraph(random.Next(2) == 0 ? 0 : int.MaxValue, copy);
                break;
            }
            case "copy pasted, original edited and moved":
            {
                var at = random.Next(paragraphs.Count);
                var paragraph = paragraphs[at];
                TagParagraphAndInside(tags, paragraph);
                tags.Random(1);
                var copy = desk.LightlyReworded(old[paragraph.Start..paragraph.End]);
                desk.Typo(random.Next(paragraph.Start, paragraph.End));
                desk.MoveParagraph(desk.Text.CurrentPositions()[paragraph.Start], OtherSlot(random, at, paragraphs.Count));
                desk.InsertParagraph(random.Next(2) == 0 ? 0 : int.MaxValue, copy);
                break;
            }
            case "quote style":
            {
                tags.Random(3);
                foreach (var quoted in tags.SentencesWith(['"', '\'']).Take(2))
                {
                    tags.Add("sentence", quoted);
                }
                desk.TypographicQuotes(random.Next(3) == 0 ? 0.5 : 1.0);
                break;
            }
            case "several at once":
            {
                tags.Random(5);
                for (var i = random.Next(3, 6); i > 0; i--)
                {
                    var near = InsideATag(desk, tags, random);
                    switch (random.Next(7))
                    {
                        case 0: desk.Typo(near); break;
                        case 1: desk.Reword(near); break;
                        case 2: desk.DeleteSentence(near); break;
                        case 3: desk.MoveParagraph(near, random.Next(0, 8)); break;
                        case 4: desk.InsertSentence(near, writer.Sentence()); break;
                        case 5: desk.InsertParagraph(random.Next(0, 8), writer.Paragraph()); break;
                        default: desk.TypographicQuotes(0.3); break;
                    }
                }
                break;
            }
            case "short repeated quotes":
                ShortRepeatedQuotes(desk, tags, writer, random);
                break;
            case "paragraph tag, typo, paragraph added after":
            {
                var at = random.Next(paragraphs.Count);
                var paragraph = paragraphs[at];
                tags.Paragraph(paragraph);
                tags.Sentence(tags.SentenceIn(paragraph));
                tags.Random(1);
                desk.Typo(random.Next(paragraph.Start, paragraph.End));
                desk.InsertParagraph(at + 1, writer.Paragraph());
                if (random.Next(3) == 0)
                {
                    desk.InsertParagraph(at, writer.Paragraph());
                }
                break;
            }
            case "moved paragraph, reworded opening, sentence appended":
            {
                var at = random.Next(paragraphs.Count);
                var paragraph = paragraphs[at];
                tags.Paragraph(paragraph);
                var sentences = EditDesk.Sentences(old, paragraph);
                tags.Add("sentence", sentences[^1]);
                tags.Phrase(paragraph, 3, 6);
                tags.Random(1);
                desk.Reword(paragraph.Start, maxWords: 4);
                desk.AppendSentence(desk.Text.CurrentPositions()[paragraph.End - 1], writer.Sentence());
                desk.MoveParagraph(desk.Text.CurrentPositions()[paragraph.End - 1], OtherSlot(random, at, paragraphs.Count));
                break;
            }
            case "edits at the start and end":
                StartAndEnd(desk, tags, writer, random);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown edit kind");
        }
    }

    /// <summary>Tags on phrases of two or three words that occur more than once, then edits at or near the tagged occurrence.</summary>
    private static void ShortRepeatedQuotes(EditDesk desk, CaseTags tags, ArticleWriter writer, Random random)
    {
        var old = desk.Text.Original;
        var repeated = CaseTags.RepeatedPhrases(old);
        var chosen = repeated.OrderBy(_ => random.Next()).Take(3).Select(r => r[random.Next(r.Count)]).ToList();
        foreach (var phrase in chosen)
        {
            tags.Add("repeated phrase", phrase);
        }
        tags.Random(1);
        foreach (var (start, end) in chosen)
        {
            var now = desk.Text.CurrentPositions();
            if (now[start] < 0 || now[end - 1] < 0)
            {
                continue;
            }
            var (from, to) = (now[start], now[end - 1] + 1);
            switch (random.Next(5))
            {
                case 0:
                    desk.DeleteSentence(from);
                    break;
                case 1:
                    desk.Text.Replace(from, to, writer.Rewording(desk.Text.Text[from..to]));
                    break;
                case 2:
                    desk.Typo(from);
                    break;
                case 3:
                    desk.Text.Delete(from, Math.Min(desk.Text.Length, to + (to < desk.Text.Length && desk.Text.Text[to] == ' ' ? 1 : 0)));
                    break;
                default:
                    // Leave the tagged one alone and change another occurrence of the same words.
                    var others = repeated.First(r => r.Contains((start, end))).Where(o => o != (start, end) && now[o.Start] >= 0).ToList();
                    if (others.Count > 0)
                    {
                        desk.Reword(now[desk.Pick(others).Start], maxWords: 2);
                    }
                    break;
            }
        }
    }

    private static void StartAndEnd(EditDesk desk, CaseTags tags, ArticleWriter writer, Random random)
    {
        var old = desk.Text.Original;
        var paragraphs = EditDesk.Paragraphs(old);
        var first = EditDesk.Sentences(old, paragraphs[0])[0];
        var last = EditDesk.Sentences(old, paragraphs[^1])[^1];
        var words = EditDesk.Words(old, (0, old.Length));
        tags.Add("sentence", first);
        tags.Add("first words", (words[0].Start, words[random.Next(1, 3)].End));
        tags.Add("sentence", last);
        tags.Paragraph(paragraphs[^1]);
        tags.Add("last words", (words[^random.Next(2, 4)].Start, old.Length));
        for (var i = random.Next(1, 3); i > 0; i--)
        {
            var length = desk.Text.Length;
            switch (random.Next(9))
            {
                case 0: desk.DeleteParagraph(length - 1); break;
                case 1: desk.DeleteSentence(length - 1); break;
                case 2: desk.InsertParagraph(int.MaxValue, writer.Paragraph()); break;
                case 3: desk.InsertParagraph(0, writer.Paragraph()); break;
                case 4: desk.Reword(0); break;
                case 5: desk.Reword(EditDesk.Words(desk.Text.Text, (0, length))[^1].Start); break;
                case 6: desk.DeleteSentence(0); break;
                case 7: desk.MoveParagraph(length - 1, random.Next(0, EditDesk.Paragraphs(desk.Text.Text).Count - 1)); break;
                default:
                    // Everything after the first paragraphs goes: the article's whole last stretch.
                    var paragraphsNow = EditDesk.Paragraphs(desk.Text.Text);
                    if (paragraphsNow.Count > 2)
                    {
                        desk.Text.Delete(paragraphsNow[random.Next(1, paragraphsNow.Count - 1)].End, length);
                    }
                    break;
            }
        }
    }

    private static void TagParagraphAndInside(CaseTags tags, (int Start, int End) paragraph)
    {
        tags.Paragraph(paragraph);
        tags.Sentence(tags.SentenceIn(paragraph));
        tags.Phrase(paragraph, 2, 3);
    }

    /// <summary>A position in the current text inside one of the tags (most of the time), else anywhere.</summary>
    private static int InsideATag(EditDesk desk, CaseTags tags, Random random)
    {
        var now = desk.Text.CurrentPositions();
        if (random.Next(10) < 7)
        {
            var tag = tags.All[random.Next(tags.All.Count)];
            var at = now[random.Next(tag.Start, tag.End)];
            if (at >= 0)
            {
                return at;
            }
        }
        return random.Next(desk.Text.Length);
    }

    private static int OtherSlot(Random random, int at, int count)
    {
        // Slots count the other paragraphs: slot == at would put it back where it was.
        var slot = random.Next(0, count);
        return slot == at ? (at == 0 ? count - 1 : at - 1) : slot;
    }
}
