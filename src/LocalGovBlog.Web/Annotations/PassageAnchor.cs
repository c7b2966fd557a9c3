using DiffMatchPatch;

namespace LocalGovBlog.Web.Annotations;

/// <summary>
/// Carries passages from an article's old canonical text to its new one by tracing characters,
/// not by searching for words. One character diff of the two texts serves every passage: the share
/// of a passage's characters the diff keeps, and the stretch of new text they make, decide whether
/// it is kept, moved, edited or orphaned. Only text the diff calls deleted here and inserted
/// elsewhere (a move) is looked for elsewhere, and a match there counts only when its words and
/// (for a short quote) its surroundings agree. A passage whose characters are all gone is an
/// orphan: kept, but attached to no words.
/// </summary>
public sealed class PassageAnchor
{
    /// <summary>
    /// A passage follows its characters when at least this share of them survive, together: in one
    /// stretch of the new text of which they make up at least the same share.
    /// </summary>
    public const double SurvivalShare = 0.75;

    /// <summary>Quotes shorter than this are too common to be found elsewhere on their words alone.</summary>
    public const int ShortQuote = 40;

    /// <summary>Below this much agreeing surroundings a short quote is never found elsewhere.</summary>
    private const int ContextMinimum = 8;

    /// <summary>How far either side of a passage the text deleted with it is taken along when looking for where it went.</summary>
    private const int ContextReach = 64;

    private const int SeedLength = 16;
    private const int MaxSeeds = 24;
    private const int MaxCandidates = 3;

    /// <summary>The share of a passage's seeds a stretch of inserted text must hold to be worth comparing.</summary>
    private const double MinSeedShare = 0.3;

    private readonly string _oldText;
    private readonly string _newText;
    private readonly TextTrace? _trace;
    private readonly List<(int Start, int Length)> _insertions = [];
    private readonly diff_match_patch _dmp = new() { Diff_Timeout = 2f };

    public PassageAnchor(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        _oldText = oldText;
        _newText = newText;
        if (!string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            _trace = TextTrace.Between(oldText, newText, _dmp);
            _insertions = _trace.Insertions(SeedLength);
        }
    }

    public AnchorResult Reanchor(PassageSelector passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        // Whatever the store holds must not throw: missing strings read as empty.
        passage = passage with { Exact = passage.Exact ?? "", Prefix = passage.Prefix ?? "", Suffix = passage.Suffix ?? "" };
        if (Locate(passage) is not { } located)
        {
            return Orphan;
        }
        var (start, end) = located;
        if (_trace is null)
        {
            return Result(passage, new Placement(start, end, end - start));
        }
        if (_trace.UnsureCount(start, end) * 2 > end - start)
        {
            return Orphan; // its paragraph has two plausible homes: attach it to neither
        }
        // The diff kept enough of it together: it follows its characters, whether or not its words changed.
        if (Follow(_trace, start, end, 0, 0) is { } inPlace)
        {
            return Result(passage, IntactOverlapping(passage.Exact, inPlace) ?? inPlace);
        }
        // Its characters went: they may have moved, deleted here and inserted elsewhere.
        return FindMoved(passage, start, end) is { Ambiguous: false, Best: { } moved } ? Result(passage, moved) : Orphan;
    }

    private static readonly AnchorResult Orphan = new(AnchorOutcome.Orphaned, null);

    /// <summary>
    /// The passage's words, unchanged, where they overlap the stretch the diff followed them to, when the followed stretch
    /// lost or gained words at an edge. Where a word repeats ("… the the council …") and one copy is deleted, the diff may
    /// take either copy for the one that went; if it takes the passage's own, the passage would lose its first word and be
    /// marked edited, though its words stand intact beside it. Only one such place counts; with two, the followed stretch stays.
    /// </summary>
    private Placement? IntactOverlapping(string exact, Placement followed)
    {
        var length = followed.End - followed.Start;
        if (length == exact.Length && string.CompareOrdinal(_newText, followed.Start, exact, 0, exact.Length) == 0)
        {
            return null;
        }
        var from = Math.Max(0, followed.Start - exact.Length + 1);
        var to = Math.Min(_newText.Length, followed.End + exact.Length - 1);
        Placement? found = null;
        for (var at = _newText.IndexOf(exact, from, to - from, StringComparison.Ordinal); at >= 0;
             at = at + 1 + exact.Length <= to ? _newText.IndexOf(exact, at + 1, to - at - 1, StringComparison.Ordinal) : -1)
        {
            if (found is not null)
            {
                return null;
            }
            found = new Placement(at, at + exact.Length, exact.Length);
        }
        return found;
    }

    /// <summary>Where the passage is in the old text: its offsets if they hold its quote, else the quote found by its surroundings.</summary>
    private (int Start, int End)? Locate(PassageSelector passage)
    {
        var exact = passage.Exact;
        if (exact.Length == 0 || exact.Length > _oldText.Length)
        {
            return null;
        }
        var (start, end) = (passage.Start, passage.End);
        if (start >= 0 && end >= start && end <= _oldText.Length && end - start == exact.Length
            && string.CompareOrdinal(_oldText, start, exact, 0, exact.Length) == 0)
        {
            return (start, end);
        }
        // A selector whose offsets do not hold its quote: trust the quote where its surroundings agree best.
        (int Start, int End)? best = null;
        var bestScore = -1.0;
        for (var at = _oldText.IndexOf(exact, StringComparison.Ordinal); at >= 0;
             at = at + 1 <= _oldText.Length - exact.Length ? _oldText.IndexOf(exact, at + 1, StringComparison.Ordinal) : -1)
        {
            var score = Agreement(_oldText, passage, at, at + exact.Length) - Math.Abs((long)at - start) / (double)(_oldText.Length + 1);
            if (score > bestScore)
            {
                (best, bestScore) = ((at, at + exact.Length), score);
            }
        }
        return best;
    }

    /// <summary>
    /// The passage's surviving characters in the diff: the largest group of runs that make up at
    /// least <see cref="SurvivalShare"/> of the stretch they span, if that group holds at least the
    /// same share of the passage. Offsets are those of the texts, the diff's plus the bases.
    /// </summary>
    private Placement? Follow(TextTrace trace, int start, int end, int oldBase, int newBase)
    {
        var length = end - start;
        var runs = trace.Survivors(start - oldBase, end - oldBase);
        var (bestCount, bestFirst, bestLast, bestSpan) = (0, -1, -1, int.MaxValue);
        var allowedGap = length * (1 - SurvivalShare) / SurvivalShare;
        for (var first = 0; first < runs.Count; first++)
        {
            var count = 0;
            var reached = runs[first].New;
            for (var last = first; last < runs.Count; last++)
            {
                if (runs[last].New < reached)
                {
                    continue; // out of order (moved elsewhere, or a swapped letter): not together with these
                }
                count += runs[last].Length;
                reached = runs[last].NewEnd;
                var span = reached - runs[first].New;
                if (span - count > allowedGap)
                {
                    break; // more new text between these runs than any surviving passage may hold
                }
                if (count >= SurvivalShare * span && (count > bestCount || (count == bestCount && span < bestSpan)))
                {
                    (bestCount, bestFirst, bestLast, bestSpan) = (count, first, last, span);
                }
            }
        }
        if (bestFirst < 0 || bestCount < SurvivalShare * length)
        {
            return null;
        }
        // Words typed in place of the passage's first or last ones belong to it, as long as the
        // passage stays mostly its own characters.
        var from = runs[bestFirst].New + newBase;
        var to = runs[bestLast].NewEnd + newBase;
        var widerFrom = trace.StartWithReplacement(runs[bestFirst], start - oldBase) + newBase;
        if (bestCount >= SurvivalShare * (to - widerFrom))
        {
            from = widerFrom;
        }
        var widerTo = trace.EndWithReplacement(runs[bestLast], end - oldBase) + newBase;
        if (bestCount >= SurvivalShare * (widerTo - from))
        {
            to = widerTo;
        }
        // Text the edit took away at an edge leaves the space beside it: the passage does not start or end in it.
        var exact = _oldText.AsSpan(start, length);
        while (from < to && char.IsWhiteSpace(_newText[from]) && !char.IsWhiteSpace(exact[0]))
        {
            from++;
        }
        while (to > from && char.IsWhiteSpace(_newText[to - 1]) && !char.IsWhiteSpace(exact[^1]))
        {
            to--;
        }
        return to > from ? new Placement(from, to, bestCount) : null;
    }

    private sealed record MoveSearch(Placement? Best, bool Ambiguous);

    /// <summary>
    /// Looks for the passage in text the diff calls inserted, carrying along the text deleted with
    /// it; each candidate is re-diffed against that old stretch and must keep the passage's
    /// characters as <see cref="Follow"/> requires, lie in inserted text, and (short quotes) have
    /// agreeing surroundings.
    /// </summary>
    private MoveSearch? FindMoved(PassageSelector passage, int start, int end)
    {
        if (_insertions.Count == 0)
        {
            return null;
        }
        var length = end - start;
        var (windowStart, windowEnd) = _trace!.WidenOverDeleted(start, end, ContextReach);
        var movedContext = windowEnd - windowStart - length;
        var storedContext = passage.Prefix.Length + passage.Suffix.Length;
        if (length < ShortQuote && movedContext < ContextMinimum && storedContext < ContextMinimum)
        {
            return null; // a short quote with nothing around it to tell one occurrence from another
        }
        var window = _oldText[windowStart..windowEnd];
        var found = new List<Placement>();
        foreach (var (regionStart, regionEnd) in CandidateRegions(window))
        {
            var diffs = SegmentDiff.Characters(_dmp, window, _newText[regionStart..regionEnd]);
            var trace = TextTrace.Of(diffs, window.Length, regionEnd - regionStart);
            if (Follow(trace, start, end, windowStart, regionStart) is not { } placement
                || _trace.InsertedCount(placement.Start, placement.End) < SurvivalShare * (placement.End - placement.Start)
                || found.Any(f => f.Start == placement.Start && f.End == placement.End))
            {
                continue;
            }
            if (length < ShortQuote)
            {
                var carried = trace.SurvivingCount(0, start - windowStart) + trace.SurvivingCount(end - windowStart, window.Length);
                if (!Enough(carried, movedContext) && !SurroundingsAgree(passage, placement))
                {
                    continue;
                }
            }
            found.Add(placement);
        }
        if (found.Count == 0)
        {
            return null;
        }
        var ranked = found.OrderByDescending(f => f.Survived).ToList();
        return ranked.Count == 1 || ClearlyBetter(ranked[0], ranked[1], length)
            ? new MoveSearch(ranked[0], false)
            : new MoveSearch(ranked[0], true);
    }

    /// <summary>Surroundings agree when at least <see cref="ContextMinimum"/> characters and <see cref="SurvivalShare"/> of those there are to compare do.</summary>
    private static bool Enough(int agreeing, int available) =>
        available >= ContextMinimum && agreeing >= Math.Max(ContextMinimum, SurvivalShare * available);

    /// <summary>
    /// Stretches of the new text where pieces of <paramref name="window"/> were inserted: each
    /// seed found in an insertion votes for an alignment; the best-supported alignments, with room
    /// for edits, are the candidates.
    /// </summary>
    private List<(int Start, int End)> CandidateRegions(string window)
    {
        var seedLength = Math.Min(SeedLength, window.Length);
        var step = Math.Max(seedLength / 2, (window.Length - seedLength) / MaxSeeds + 1);
        var hits = new List<(int Alignment, int Seed)>();
        var seeds = 0;
        for (var offset = 0; offset + seedLength <= window.Length; offset += step, seeds++)
        {
            var seed = window.AsSpan(offset, seedLength);
            foreach (var (insertStart, insertLength) in _insertions)
            {
                if (insertLength < seedLength)
                {
                    continue;
                }
                var inside = _newText.AsSpan(insertStart, insertLength);
                for (int at = inside.IndexOf(seed, StringComparison.Ordinal), from = 0; at >= 0;
                     from += at + 1, at = from < inside.Length ? inside[from..].IndexOf(seed, StringComparison.Ordinal) : -1)
                {
                    hits.Add((insertStart + from + at - offset, seeds));
                }
            }
        }
        if (hits.Count == 0)
        {
            return [];
        }
        hits.Sort();
        var slack = Math.Max(32, window.Length / 4);
        var groups = new List<(int Low, int High, HashSet<int> Seeds)>();
        foreach (var (alignment, seed) in hits)
        {
            if (groups.Count == 0 || alignment - groups[^1].High > slack)
            {
                groups.Add((alignment, alignment, []));
            }
            groups[^1] = (groups[^1].Low, alignment, groups[^1].Seeds);
            groups[^1].Seeds.Add(seed);
        }
        // Moved text brings most of its pieces along; a phrase that merely recurs brings one or two.
        var needed = Math.Max(Math.Min(2, seeds), (int)Math.Ceiling(MinSeedShare * seeds));
        return [.. groups.Where(g => g.Seeds.Count >= needed).OrderByDescending(g => g.Seeds.Count).Take(MaxCandidates)
            .Select(g => (Math.Max(0, g.Low - slack), Math.Min(_newText.Length, g.High + window.Length + slack)))
            .Where(r => r.Item2 > r.Item1)];
    }

    /// <summary>One placement loses at most half as many of the passage's characters as the other, and at least two fewer.</summary>
    private static bool ClearlyBetter(Placement better, Placement worse, int length)
    {
        var lostByBetter = Math.Max(0, length - better.Survived);
        var lostByWorse = Math.Max(0, length - worse.Survived);
        return lostByWorse - lostByBetter >= 2 && lostByBetter * 2 <= lostByWorse;
    }

    /// <summary>
    /// Whether the stored prefix and suffix stand next to the placement, each side for at least
    /// <see cref="SurvivalShare"/> of its length. A side shorter than the selector's context length
    /// ended at the edge of the old text, and that edge counts as one more character to agree with.
    /// </summary>
    private bool SurroundingsAgree(PassageSelector passage, Placement placement)
    {
        var (before, after) = Sides(_newText, passage, placement.Start, placement.End);
        var leftEdge = passage.Prefix.Length < PassageSelector.ContextLength ? 1 : 0;
        var rightEdge = passage.Suffix.Length < PassageSelector.ContextLength ? 1 : 0;
        var left = before + (leftEdge == 1 && before == passage.Prefix.Length && placement.Start == before ? 1 : 0);
        var right = after + (rightEdge == 1 && after == passage.Suffix.Length && placement.End + after == _newText.Length ? 1 : 0);
        var (leftWanted, rightWanted) = (passage.Prefix.Length + leftEdge, passage.Suffix.Length + rightEdge);
        return left + right >= ContextMinimum
            && left >= SurvivalShare * leftWanted
            && right >= SurvivalShare * rightWanted;
    }

    /// <summary>How many characters of the stored prefix and suffix stand next to [start, end) in <paramref name="text"/>.</summary>
    private static int Agreement(string text, PassageSelector passage, int start, int end)
    {
        var (before, after) = Sides(text, passage, start, end);
        return before + after;
    }

    /// <summary>How many characters of the stored prefix (counting back) and suffix (counting on) stand next to [start, end).</summary>
    private static (int Before, int After) Sides(string text, PassageSelector passage, int start, int end)
    {
        var prefix = passage.Prefix;
        var before = 0;
        while (before < prefix.Length && start - before - 1 >= 0 && text[start - before - 1] == prefix[^(before + 1)])
        {
            before++;
        }
        var suffix = passage.Suffix;
        var after = 0;
        while (after < suffix.Length && end + after < text.Length && text[end + after] == suffix[after])
        {
            after++;
        }
        return (before, after);
    }

    private AnchorResult Result(PassageSelector old, Placement placement)
    {
        var (start, end) = (placement.Start, placement.End);
        // Never half a character: an emoji or other astral character is two UTF-16 units.
        if (start > 0 && char.IsLowSurrogate(_newText[start]) && char.IsHighSurrogate(_newText[start - 1]))
        {
            start--;
        }
        if (end < _newText.Length && char.IsLowSurrogate(_newText[end]) && char.IsHighSurrogate(_newText[end - 1]))
        {
            end++;
        }
        var selector = PassageSelector.Of(_newText, start, end);
        var outcome = selector.Exact != old.Exact ? AnchorOutcome.Edited
            : selector.Start == old.Start && selector.End == old.End ? AnchorOutcome.Kept
            : AnchorOutcome.Moved;
        return new AnchorResult(outcome, selector);
    }

    /// <summary>A stretch of the new text and how many of the passage's characters it holds.</summary>
    private readonly record struct Placement(int Start, int End, int Survived);
}
