using DiffMatchPatch;

namespace LocalGovBlog.Web.Annotations;

/// <summary>How a text is cut into the pieces a <see cref="SegmentDiff"/> compares whole, coarsest first.</summary>
internal enum Segmentation
{
    /// <summary>Lines: the canonical text puts each block (paragraph, quotation, list item) on its own.</summary>
    Paragraphs,

    /// <summary>Sentences (and lines), each with the spaces after it.</summary>
    Sentences,

    /// <summary>Words (runs without spaces), each with the spaces after it, compared without them.</summary>
    Words,
}

/// <summary>
/// A diff of two texts segment by segment (paragraphs, sentences or words) that knows segments
/// move. The segments are diffed first, so everything left as it was is found whole. Each changed
/// stretch then pairs up: a paragraph or sentence deleted here and inserted, perhaps edited,
/// elsewhere is a move when it keeps clearly more of its characters there than in what replaced it
/// in place; when neither home is clearly better it is unsure. What is left of each stretch is one
/// more piece, for the caller to compare at the next level down.
/// </summary>
/// <summary>A stretch of a text, copied out only when a diff needs it as a string.</summary>
internal readonly record struct TextSlice(string Text, int Start, int Length)
{
    public override string ToString() => Start == 0 && Length == Text.Length ? Text : Text.Substring(Start, Length);
}

internal sealed class SegmentDiff
{
    /// <summary>Segments shorter than this are too common to be paired across the text.</summary>
    private const int MinMoveLength = 24;

    /// <summary>
    /// Segments are paired only when at least half of the old one's 12-character pieces occur in
    /// the new one: a moved paragraph with a few edits keeps most of them, another paragraph on the
    /// same subject hardly any, and only likely pairs are worth a character diff.
    /// </summary>
    private const int GramLength = 12;

    private const int CandidatesPerSegment = 3;

    /// <summary>
    /// Old text and the new text it became, with maps from their offsets to those of the texts
    /// diffed. <see cref="Unchanged"/> pieces are equal; <see cref="Diffs"/> is their character
    /// diff when it was needed to pair segments.
    /// </summary>
    public sealed record Piece(TextSlice Old, TextSlice New, OffsetMap OldMap, OffsetMap NewMap, bool Unchanged, List<Diff>? Diffs);

    public List<Piece> Pieces { get; } = [];

    /// <summary>Old stretches (start, end) whose segment had two plausible homes.</summary>
    public List<(int Start, int End)> Unsure { get; } = [];

    private sealed record Segment(int Start, int Length, int Stretch);

    private sealed class Stretch
    {
        public List<int> Deleted { get; } = [];

        public List<int> Inserted { get; } = [];

        public bool Touched { get; set; }
    }

    /// <summary>Null when the texts have too many distinct segments to diff segment by segment.</summary>
    public static SegmentDiff? Of(string oldText, string newText, diff_match_patch dmp, Segmentation by)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        ArgumentNullException.ThrowIfNull(dmp);
        var oldSegments = Split(oldText, by);
        var newSegments = Split(newText, by);
        var codes = new Dictionary<string, char>(StringComparer.Ordinal);
        // A word is the same word with or without the space after it (the last word of a text has none).
        var oldCodes = Encode(oldText, oldSegments, codes, trimEnd: by == Segmentation.Words);
        var newCodes = Encode(newText, newSegments, codes, trimEnd: by == Segmentation.Words);
        if (oldCodes is null || newCodes is null)
        {
            return null;
        }
        var segmentDiffs = dmp.diff_main(oldCodes, newCodes, checklines: false);
        if (by != Segmentation.Words)
        {
            // As the library's own line mode does: a blank line (or a short sentence) equal between
            // two changes is a coincidence, not an anchor. A whole word kept is never a coincidence.
            dmp.diff_cleanupSemantic(segmentDiffs);
        }

        var result = new SegmentDiff();
        var stretches = new List<Stretch>();
        var deleted = new List<Segment>();
        var inserted = new List<Segment>();
        var (oldAt, newAt) = (0, 0);
        Stretch? open = null;
        foreach (var diff in segmentDiffs)
        {
            var count = diff.text.Length;
            switch (diff.operation)
            {
                case Operation.EQUAL:
                    open = null;
                    if (count > 0)
                    {
                        var start = oldSegments[oldAt].Start;
                        var end = oldSegments[oldAt + count - 1].Start + oldSegments[oldAt + count - 1].Length;
                        var newStart = newSegments[newAt].Start;
                        var newEnd = newSegments[newAt + count - 1].Start + newSegments[newAt + count - 1].Length;
                        // Equal segments are identical unless words differ only in the space after them.
                        var same = oldText.AsSpan(start, end - start).SequenceEqual(newText.AsSpan(newStart, newEnd - newStart));
                        result.Pieces.Add(same
                            ? new Piece(new TextSlice(oldText, start, end - start), new TextSlice(newText, newStart, newEnd - newStart), new OffsetMap(null, start), new OffsetMap(null, newStart), Unchanged: true, null)
                            : new Piece(new TextSlice(oldText, start, end - start), new TextSlice(newText, newStart, newEnd - newStart), new OffsetMap(null, start), new OffsetMap(null, newStart), Unchanged: false, null));
                    }
                    (oldAt, newAt) = (oldAt + count, newAt + count);
                    break;
                case Operation.DELETE:
                    if (open is null)
                    {
                        stretches.Add(open = new Stretch());
                    }
                    for (var k = 0; k < count; k++, oldAt++)
                    {
                        open.Deleted.Add(deleted.Count);
                        deleted.Add(new Segment(oldSegments[oldAt].Start, oldSegments[oldAt].Length, stretches.Count - 1));
                    }
                    break;
                default:
                    if (open is null)
                    {
                        stretches.Add(open = new Stretch());
                    }
                    for (var k = 0; k < count; k++, newAt++)
                    {
                        open.Inserted.Add(inserted.Count);
                        inserted.Add(new Segment(newSegments[newAt].Start, newSegments[newAt].Length, stretches.Count - 1));
                    }
                    break;
            }
        }

        var movedOut = new bool[deleted.Count];
        var movedIn = new bool[inserted.Count];
        List<Candidate> candidates = by == Segmentation.Words ? [] : PairCandidates(dmp, oldText, newText, deleted, inserted);
        if (candidates.Count > 0)
        {
            result.Pair(dmp, oldText, newText, deleted, inserted, stretches, candidates, movedOut, movedIn);
        }

        foreach (var stretch in stretches)
        {
            var (oldPart, oldMap) = Join(oldText, deleted, [.. stretch.Deleted.Where(d => !movedOut[d])]);
            var (newPart, newMap) = Join(newText, inserted, [.. stretch.Inserted.Where(i => !movedIn[i])]);
            if (oldPart.Length > 0 || newPart.Length > 0)
            {
                result.Pieces.Add(new Piece(new TextSlice(oldPart, 0, oldPart.Length), new TextSlice(newPart, 0, newPart.Length), oldMap, newMap, Unchanged: false, null));
            }
        }
        return result;
    }

    /// <summary>
    /// Pairs each changed segment with the one new segment that clearly keeps most of it: in its
    /// own stretch (edited in place, perhaps beside a pasted copy) or elsewhere (moved). A segment
    /// with two plausible homes, one of them elsewhere, is unsure.
    /// </summary>
    private void Pair(diff_match_patch dmp, string oldText, string newText, List<Segment> deleted, List<Segment> inserted,
        List<Stretch> stretches, List<Candidate> candidates, bool[] movedOut, bool[] movedIn)
    {
        // What each changed segment keeps in place: its stretch diffed as a whole.
        var keptInPlace = new int[deleted.Count];
        var receivedInPlace = new int[inserted.Count];
        foreach (var s in candidates.SelectMany(c => new[] { deleted[c.Deleted].Stretch, inserted[c.Inserted].Stretch }).Distinct())
        {
            var stretch = stretches[s];
            var (oldPart, oldMap) = Join(oldText, deleted, stretch.Deleted);
            var (newPart, newMap) = Join(newText, inserted, stretch.Inserted);
            // A segment edited in place, alone in its stretch: its candidate's diff is the stretch's.
            var known = stretch.Deleted.Count == 1 && stretch.Inserted.Count == 1
                ? candidates.FirstOrDefault(c => c.Deleted == stretch.Deleted[0] && c.Inserted == stretch.Inserted[0])?.Diffs
                : null;
            CountKept(known ?? Characters(dmp, oldPart, newPart), oldMap, newMap, deleted, stretch.Deleted, inserted, stretch.Inserted, keptInPlace, receivedInPlace);
        }
        var decided = new bool[deleted.Count];
        foreach (var (d, i, kept, cost, diffs) in candidates)
        {
            if (decided[d] || movedIn[i])
            {
                continue;
            }
            decided[d] = true;
            var length = deleted[d].Length;
            var lost = length - kept;
            var others = candidates.Where(c => c.Deleted == d && c.Inserted != i && !movedIn[c.Inserted]).ToList();
            var otherCost = others.Count == 0 ? int.MaxValue : others.Min(c => c.Cost);
            var home = deleted[d].Stretch;
            var elsewhere = inserted[i].Stretch != home;
            var lostInPlace = length - keptInPlace[d];
            if (ClearlyFewer(cost, otherCost))
            {
                if (!elsewhere ? kept >= PassageAnchor.SurvivalShare * length : ClearlyFewer(lost, lostInPlace) && kept > receivedInPlace[i])
                {
                    (movedOut[d], movedIn[i]) = (true, true);
                    stretches[home].Touched = stretches[inserted[i].Stretch].Touched = true;
                    Pieces.Add(new Piece(new TextSlice(oldText, deleted[d].Start, length), new TextSlice(newText, inserted[i].Start, inserted[i].Length),
                        new OffsetMap(null, deleted[d].Start), new OffsetMap(null, inserted[i].Start), Unchanged: false, diffs));
                }
                else if (elsewhere && !ClearlyFewer(lostInPlace, lost))
                {
                    MarkUnsure(d);
                }
            }
            else if ((elsewhere || others.Any(c => inserted[c.Inserted].Stretch != home)) && !ClearlyFewer(lostInPlace, lost))
            {
                MarkUnsure(d); // two plausible homes, one of them elsewhere: trace it to neither
            }
        }

        void MarkUnsure(int d)
        {
            movedOut[d] = true;
            stretches[deleted[d].Stretch].Touched = true;
            Unsure.Add((deleted[d].Start, deleted[d].Start + deleted[d].Length));
        }
    }

    /// <summary>
    /// A character diff with the library's semantic clean-up, which drops equalities that are only
    /// chance (the letters two rewritten words happen to share), so that what survives is what the
    /// editor kept. (Its milder efficiency clean-up was measured too, and did worse.)
    /// </summary>
    public static List<Diff> Characters(diff_match_patch dmp, string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(dmp);
        if (oldText.Length == 0 || newText.Length == 0)
        {
            List<Diff> one = [];
            if (oldText.Length > 0)
            {
                one.Add(new Diff(Operation.DELETE, oldText));
            }
            if (newText.Length > 0)
            {
                one.Add(new Diff(Operation.INSERT, newText));
            }
            return one;
        }
        var diffs = dmp.diff_main(oldText, newText, checklines: false);
        dmp.diff_cleanupSemantic(diffs);
        return diffs;
    }

    /// <summary>At most half as many lost, and at least two fewer.</summary>
    public static bool ClearlyFewer(int lost, int otherLost) => otherLost - lost >= 2 && lost * 2 <= otherLost;

    private sealed record Candidate(int Deleted, int Inserted, int Kept, int Cost, List<Diff> Diffs);

    /// <summary>
    /// For each deleted segment, the few inserted segments that share at least half of its
    /// 12-character pieces, re-diffed; those keeping at least half of it, cheapest first. The cost
    /// of a pair is the characters it loses plus those it adds: a two-letter typo fix costs less
    /// than a word replaced by a phrase, though both keep about as much.
    /// </summary>
    private static List<Candidate> PairCandidates(diff_match_patch dmp, string oldText, string newText,
        List<Segment> deleted, List<Segment> inserted)
    {
        var candidates = new List<Candidate>();
        if (deleted.Count == 0 || inserted.Count == 0)
        {
            return candidates;
        }
        // Piece → the first inserted segment holding it; the rare piece held by several keeps the rest aside.
        var index = new Dictionary<int, int>(inserted.Sum(i => Math.Max(0, i.Length - GramLength + 1)));
        var alsoIn = new Dictionary<int, List<int>>();
        for (var i = 0; i < inserted.Count; i++)
        {
            var segment = inserted[i];
            if (segment.Length < MinMoveLength)
            {
                continue;
            }
            for (var at = 0; at + GramLength <= segment.Length; at++)
            {
                var gram = string.GetHashCode(newText.AsSpan(segment.Start + at, GramLength));
                if (!index.TryGetValue(gram, out var first))
                {
                    index[gram] = i;
                }
                else if (first != i)
                {
                    if (!alsoIn.TryGetValue(gram, out var more))
                    {
                        alsoIn[gram] = more = [];
                    }
                    if (more.Count == 0 || more[^1] != i)
                    {
                        more.Add(i);
                    }
                }
            }
        }
        var shared = new Dictionary<int, int>();
        for (var d = 0; d < deleted.Count; d++)
        {
            var segment = deleted[d];
            if (segment.Length < MinMoveLength)
            {
                continue;
            }
            shared.Clear();
            var grams = segment.Length - GramLength + 1;
            for (var at = 0; at < grams; at++)
            {
                var gram = string.GetHashCode(oldText.AsSpan(segment.Start + at, GramLength));
                if (index.TryGetValue(gram, out var first))
                {
                    shared[first] = shared.GetValueOrDefault(first) + 1;
                    if (alsoIn.TryGetValue(gram, out var more))
                    {
                        foreach (var i in more)
                        {
                            shared[i] = shared.GetValueOrDefault(i) + 1;
                        }
                    }
                }
            }
            foreach (var (i, _) in shared.Where(s => s.Value * 2 >= grams).OrderByDescending(s => s.Value).Take(CandidatesPerSegment))
            {
                var diffs = Characters(dmp, oldText.Substring(segment.Start, segment.Length), newText.Substring(inserted[i].Start, inserted[i].Length));
                var kept = diffs.Where(x => x.operation == Operation.EQUAL).Sum(x => x.text.Length);
                if (kept * 2 >= segment.Length)
                {
                    candidates.Add(new Candidate(d, i, kept, segment.Length - kept + inserted[i].Length - kept, diffs));
                }
            }
        }
        candidates.Sort((x, y) => x.Cost.CompareTo(y.Cost));
        return candidates;
    }

    /// <summary>The picked segments joined, with a map from the joined text's offsets back to the text's.</summary>
    private static (string Text, OffsetMap Map) Join(string text, List<Segment> segments, List<int> picks)
    {
        if (IsContiguous(segments, picks))
        {
            var start = picks.Count == 0 ? 0 : segments[picks[0]].Start;
            var end = picks.Count == 0 ? 0 : segments[picks[^1]].Start + segments[picks[^1]].Length;
            return (text[start..end], new OffsetMap(null, start));
        }
        var offsets = new List<int>();
        var joined = new System.Text.StringBuilder();
        foreach (var pick in picks)
        {
            var segment = segments[pick];
            joined.Append(text, segment.Start, segment.Length);
            offsets.AddRange(Enumerable.Range(segment.Start, segment.Length));
        }
        return (joined.ToString(), new OffsetMap([.. offsets], 0));
    }

    private static bool IsContiguous(List<Segment> segments, List<int> picks)
    {
        for (var k = 1; k < picks.Count; k++)
        {
            if (segments[picks[k - 1]].Start + segments[picks[k - 1]].Length != segments[picks[k]].Start)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>How many characters of each deleted segment a stretch's diff keeps, and how many of each inserted segment it fills from old ones.</summary>
    private static void CountKept(List<Diff> diffs, OffsetMap oldMap, OffsetMap newMap, List<Segment> deleted, List<int> oldPicks,
        List<Segment> inserted, List<int> newPicks, int[] keptInPlace, int[] receivedInPlace)
    {
        var (a, b) = (0, 0);
        var (d, i) = (0, 0);
        foreach (var diff in diffs)
        {
            var length = diff.text.Length;
            if (diff.operation == Operation.EQUAL)
            {
                for (var k = 0; k < length; k++)
                {
                    var oldAt = oldMap[a + k];
                    while (d < oldPicks.Count - 1 && oldAt >= deleted[oldPicks[d]].Start + deleted[oldPicks[d]].Length)
                    {
                        d++;
                    }
                    keptInPlace[oldPicks[d]]++;
                    var newAt = newMap[b + k];
                    while (i < newPicks.Count - 1 && newAt >= inserted[newPicks[i]].Start + inserted[newPicks[i]].Length)
                    {
                        i++;
                    }
                    receivedInPlace[newPicks[i]]++;
                }
            }
            a += diff.operation == Operation.INSERT ? 0 : length;
            b += diff.operation == Operation.DELETE ? 0 : length;
        }
    }

    private static string? Encode(string text, List<(int Start, int Length)> segments, Dictionary<string, char> codes, bool trimEnd)
    {
        var encoded = new char[segments.Count];
        var lookup = codes.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = text.AsSpan(segments[i].Start, segments[i].Length);
            segment = trimEnd ? segment.TrimEnd() : segment;
            if (!lookup.TryGetValue(segment, out var code))
            {
                if (codes.Count >= char.MaxValue - 1)
                {
                    return null;
                }
                lookup[segment] = code = (char)(codes.Count + 1);
            }
            encoded[i] = code;
        }
        return new string(encoded);
    }

    /// <summary>
    /// Segments as (start, length), together the whole text: lines with their line break; for
    /// sentences also each run ending in . ! ? or … (and any closing quote or bracket) with the
    /// spaces after it; for words each run of non-spaces with the spaces after it.
    /// </summary>
    private static List<(int Start, int Length)> Split(string text, Segmentation by)
    {
        var segments = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = -1;
            if (text[i] == '\n')
            {
                end = i + 1;
            }
            else if (by == Segmentation.Words && char.IsWhiteSpace(text[i]))
            {
                var j = i;
                while (j < text.Length && text[j] != '\n' && char.IsWhiteSpace(text[j]))
                {
                    j++;
                }
                end = j;
            }
            else if (by == Segmentation.Sentences && text[i] is '.' or '!' or '?' or '…')
            {
                var j = i + 1;
                while (j < text.Length && text[j] is '"' or '\'' or '”' or '’' or ')' or ']')
                {
                    j++;
                }
                if (j < text.Length && text[j] != '\n' && char.IsWhiteSpace(text[j]))
                {
                    while (j < text.Length && text[j] != '\n' && char.IsWhiteSpace(text[j]))
                    {
                        j++;
                    }
                    end = j;
                }
            }
            if (end > 0)
            {
                segments.Add((start, end - start));
                start = end;
                i = end - 1;
            }
        }
        if (start < text.Length)
        {
            segments.Add((start, text.Length - start));
        }
        return segments;
    }
}
