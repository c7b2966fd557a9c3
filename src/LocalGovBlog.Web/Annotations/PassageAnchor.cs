using DiffMatchPatch;

namespace LocalGovBlog.Web.Annotations;

/// <summary>
/// Carries passages from an article's old canonical text to its new one. One diff of the two
/// texts serves every passage: a passage's offsets are mapped through it and the quote checked
/// there; failing that, the quote is searched for, weighted by its prefix, suffix and nearness to
/// where the diff put it; a candidate less similar than <see cref="SimilarityFloor"/> leaves the
/// passage an orphan rather than attaching it to the wrong words.
/// </summary>
public sealed class PassageAnchor
{
    /// <summary>How much of the quote must survive (1 − edit distance / length) for the passage to follow it.</summary>
    public const double SimilarityFloor = 0.75;

    private const int BitapLimit = 32;

    private const int SearchWindow = 2048;

    private readonly string _newText;
    private readonly List<Diff>? _diffs;
    private readonly diff_match_patch _dmp = new() { Diff_Timeout = 2f, Match_Threshold = 0.35f, Match_Distance = 5000 };

    public PassageAnchor(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        _newText = newText;
        _diffs = string.Equals(oldText, newText, StringComparison.Ordinal) ? null : _dmp.diff_main(oldText, newText, checklines: true);
    }

    public string NewText => _newText;

    public AnchorResult Reanchor(PassageSelector passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var exact = passage.Exact;
        if (exact.Length == 0)
        {
            return new AnchorResult(AnchorOutcome.Orphaned, null);
        }
        var start = MapStart(passage.Start);
        // 1. The diff says where the passage went, and its words and surroundings are all there.
        var mapped = QuoteAt(start, exact);
        if (mapped && ContextScore(passage, start) >= 2)
        {
            return Found(start, start + exact.Length, passage);
        }
        // 2. The same words: the occurrence whose surroundings and place fit best, the diff's own
        // placement preferred unless another occurrence keeps clearly more of the old context.
        var occurrence = BestOccurrence(passage, start, mapped);
        if (occurrence >= 0)
        {
            return Found(occurrence, occurrence + exact.Length, passage);
        }
        // 3. The words were edited: the mapped range, or a fuzzy search near it, if similar enough.
        var end = Math.Max(start, MapEnd(passage.End));
        if (end > start && Similarity(exact, _newText[start..end]) >= SimilarityFloor)
        {
            return Found(start, end, passage);
        }
        var fuzzy = FuzzySearch(exact, start);
        return fuzzy is { } range
            ? Found(range.Start, range.End, passage)
            : new AnchorResult(AnchorOutcome.Orphaned, null);
    }

    private AnchorResult Found(int start, int end, PassageSelector old)
    {
        var selector = PassageSelector.Of(_newText, start, end);
        var kept = start == old.Start && end == old.End && selector.Exact == old.Exact;
        return new AnchorResult(kept ? AnchorOutcome.Kept : AnchorOutcome.Moved, selector);
    }

    private bool QuoteAt(int start, string exact) =>
        start >= 0 && start + exact.Length <= _newText.Length
        && string.CompareOrdinal(_newText, start, exact, 0, exact.Length) == 0;

    /// <summary>Where old offset <paramref name="offset"/> lands; text inserted right before it pushes it on.</summary>
    private int MapStart(int offset) => _diffs is null ? offset : _dmp.diff_xIndex(_diffs, offset);

    /// <summary>Where an exclusive end lands: after the last character it closes, not after text inserted behind it.</summary>
    private int MapEnd(int end) => _diffs is null || end == 0 ? end : _dmp.diff_xIndex(_diffs, end - 1) + 1;

    private int BestOccurrence(PassageSelector passage, int expected, bool mappedHasQuote)
    {
        const double diffBonus = 0.5;
        var best = mappedHasQuote ? expected : -1;
        var bestScore = mappedHasQuote ? ContextScore(passage, expected) + diffBonus : double.MinValue;
        for (var at = _newText.IndexOf(passage.Exact, StringComparison.Ordinal); at >= 0;
             at = at + 1 < _newText.Length ? _newText.IndexOf(passage.Exact, at + 1, StringComparison.Ordinal) : -1)
        {
            var score = ContextScore(passage, at) - Math.Abs(at - expected) / (double)Math.Max(1, _newText.Length);
            if (score > bestScore)
            {
                bestScore = score;
                best = at;
            }
        }
        return best;
    }

    /// <summary>How many characters of the old prefix and suffix stand next to this occurrence (0..2).</summary>
    private double ContextScore(PassageSelector passage, int at)
    {
        var prefix = passage.Prefix;
        var matchedBefore = 0;
        while (matchedBefore < prefix.Length && at - matchedBefore - 1 >= 0
               && _newText[at - matchedBefore - 1] == prefix[prefix.Length - matchedBefore - 1])
        {
            matchedBefore++;
        }
        var suffix = passage.Suffix;
        var after = at + passage.Exact.Length;
        var matchedAfter = 0;
        while (matchedAfter < suffix.Length && after + matchedAfter < _newText.Length && _newText[after + matchedAfter] == suffix[matchedAfter])
        {
            matchedAfter++;
        }
        return (prefix.Length == 0 ? 1 : matchedBefore / (double)prefix.Length)
            + (suffix.Length == 0 ? 1 : matchedAfter / (double)suffix.Length);
    }

    /// <summary>Bitap for a short quote; for a long one, its head and tail found near each other.</summary>
    private (int Start, int End)? FuzzySearch(string exact, int expected)
    {
        if (_newText.Length == 0)
        {
            return null;
        }
        var near = Math.Clamp(expected, 0, _newText.Length);
        if (exact.Length <= BitapLimit)
        {
            var at = MatchNear(exact, near);
            if (at < 0)
            {
                return null;
            }
            var end = Math.Min(_newText.Length, at + exact.Length);
            return Similarity(exact, _newText[at..end]) >= SimilarityFloor ? (at, end) : null;
        }
        var head = MatchNear(exact[..BitapLimit], near);
        var tailGuess = Math.Clamp((head >= 0 ? head : near) + exact.Length - BitapLimit, 0, _newText.Length);
        var tail = MatchNear(exact[^BitapLimit..], tailGuess);
        if (head < 0 || tail < 0 || tail + BitapLimit <= head)
        {
            return null;
        }
        var stop = Math.Min(_newText.Length, tail + BitapLimit);
        return Similarity(exact, _newText[head..stop]) >= SimilarityFloor ? (head, stop) : null;
    }

    /// <summary>
    /// Bitap within a window around <paramref name="near"/>: the library's bitap allocates arrays as
    /// long as the text it searches, and a match further off than the window would not be trusted anyway.
    /// </summary>
    private int MatchNear(string pattern, int near)
    {
        var from = Math.Max(0, near - SearchWindow);
        var to = Math.Min(_newText.Length, near + SearchWindow + pattern.Length);
        if (to - from < 1)
        {
            return -1;
        }
        var at = _dmp.match_main(_newText[from..to], pattern, near - from);
        return at < 0 ? -1 : from + at;
    }

    private double Similarity(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }
        var distance = _dmp.diff_levenshtein(_dmp.diff_main(a, b, false));
        return 1 - distance / (double)Math.Max(a.Length, b.Length);
    }
}
