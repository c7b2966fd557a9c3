namespace LocalGovBlog.Benchmarks.Accuracy;

/// <summary>
/// Where a tag should land after the edits, from the characters' own provenance (no diff).
/// A passage survives when at least <see cref="SurvivalShare"/> of its characters are still in
/// the text, together: in their old order, in one stretch of which they make up at least the same
/// share. It should then cover that stretch (<see cref="CoreStart"/>..<see cref="CoreEnd"/>), and
/// may also cover text typed in place of its own first or last words (the outer range). Otherwise
/// it must be an orphan.
/// </summary>
public sealed record ExpectedAnchor(bool Survives, int CoreStart, int CoreEnd, int OuterStart, int OuterEnd, double SurvivingShare)
{
    public const double SurvivalShare = 0.75;

    public static ExpectedAnchor For(TracedText text, int[] positions, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(positions);
        var runs = new List<(int Old, int New, int Length)>();
        for (var i = start; i < end; i++)
        {
            var at = positions[i];
            if (at < 0)
            {
                continue;
            }
            if (runs.Count > 0 && runs[^1].Old + runs[^1].Length == i && runs[^1].New + runs[^1].Length == at)
            {
                runs[^1] = (runs[^1].Old, runs[^1].New, runs[^1].Length + 1);
            }
            else
            {
                runs.Add((i, at, 1));
            }
        }
        var (bestCount, bestFirst, bestLast, bestSpan) = (0, -1, -1, int.MaxValue);
        for (var first = 0; first < runs.Count; first++)
        {
            var count = 0;
            var reached = runs[first].New;
            for (var last = first; last < runs.Count; last++)
            {
                if (runs[last].New < reached)
                {
                    continue; // out of order (moved away, or a swapped letter): not together with these
                }
                count += runs[last].Length;
                reached = runs[last].New + runs[last].Length;
                var span = reached - runs[first].New;
                if (count >= SurvivalShare * span && (count > bestCount || (count == bestCount && span < bestSpan)))
                {
                    (bestCount, bestFirst, bestLast, bestSpan) = (count, first, last, span);
                }
            }
        }
        var share = end > start ? bestCount / (double)(end - start) : 0;
        if (bestFirst < 0 || share < SurvivalShare)
        {
            return new ExpectedAnchor(false, -1, -1, -1, -1, share);
        }
        var coreStart = runs[bestFirst].New;
        var coreEnd = runs[bestLast].New + runs[bestLast].Length;
        var outerStart = coreStart;
        while (outerStart > 0 && ReplacesPassage(text, outerStart - 1, start, end))
        {
            outerStart--;
        }
        var outerEnd = coreEnd;
        while (outerEnd < text.Length && ReplacesPassage(text, outerEnd, start, end))
        {
            outerEnd++;
        }
        return new ExpectedAnchor(true, coreStart, coreEnd, outerStart, outerEnd, share);
    }

    private static bool ReplacesPassage(TracedText text, int index, int start, int end)
    {
        if (text.OriginOf(index) >= 0)
        {
            return false;
        }
        var (from, to) = text.ReplacedBy(index);
        return from >= 0 && from < end && to > start;
    }
}

public enum Verdict
{
    Correct,
    WrongWords,
    FalseOrphan,
    KeptAfterDeletion,
}

public static class Judge
{
    /// <summary>How much of the expected words a landing must cover, and how much of it must be theirs (or all but one character).</summary>
    public const double Overlap = 0.9;

    public static Verdict Of(ExpectedAnchor expected, string newText, (int Start, int End)? landed)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(newText);
        if (!expected.Survives)
        {
            return landed is null ? Verdict.Correct : Verdict.KeptAfterDeletion;
        }
        if (landed is not { } got)
        {
            return Verdict.FalseOrphan;
        }
        var (coreStart, coreEnd) = (expected.CoreStart, expected.CoreEnd);
        while (coreStart < coreEnd && char.IsWhiteSpace(newText[coreStart]))
        {
            coreStart++;
        }
        while (coreEnd > coreStart && char.IsWhiteSpace(newText[coreEnd - 1]))
        {
            coreEnd--;
        }
        var covered = Intersect(got, (coreStart, coreEnd));
        var own = Intersect(got, (expected.OuterStart, expected.OuterEnd));
        var length = got.End - got.Start;
        // A letter either way at an edge (a swapped last letter) is still the same words.
        return length > 0 && covered >= Math.Min(Overlap * (coreEnd - coreStart), coreEnd - coreStart - 1)
            && own >= Math.Min(Overlap * length, length - 1)
            ? Verdict.Correct
            : Verdict.WrongWords;
    }

    private static int Intersect((int Start, int End) a, (int Start, int End) b) =>
        Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));
}
