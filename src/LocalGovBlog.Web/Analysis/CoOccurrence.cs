namespace LocalGovBlog.Web.Analysis;

/// <summary>What "two themes together" means in the co-occurrence matrix.</summary>
public enum CoOccurrenceMode
{
    /// <summary>The very same words: one range of an article coded with both themes (by one tag or by two).</summary>
    SamePassage,

    /// <summary>A passage coded with one theme shares at least one character with a passage coded with the other.</summary>
    Overlapping,

    /// <summary>Both themes are coded somewhere in the same article.</summary>
    SameArticle,
}

/// <summary>
/// The theme × theme co-occurrence matrix. A cell off the diagonal counts:
/// <list type="bullet">
/// <item><see cref="CoOccurrenceMode.SamePassage"/>: distinct ranges (article, start, end) coded with both themes;</item>
/// <item><see cref="CoOccurrenceMode.Overlapping"/>: pairs of a passage with the row's theme and a passage with the
/// column's theme that share text (a single passage coded with both counts once, as a pair with itself);</item>
/// <item><see cref="CoOccurrenceMode.SameArticle"/>: articles coded with both themes.</item>
/// </list>
/// The diagonal counts the theme's own units in the same terms (ranges, passages, articles). The matrix is symmetric.
/// </summary>
public sealed class CoOccurrence
{
    private readonly Dictionary<(int, int), int> _counts;

    private CoOccurrence(CoOccurrenceMode mode, Dictionary<(int, int), int> counts)
    {
        Mode = mode;
        _counts = counts;
    }

    public CoOccurrenceMode Mode { get; }

    public int this[int rowTheme, int columnTheme] => _counts.GetValueOrDefault(Key(rowTheme, columnTheme));

    /// <summary>The largest count off the diagonal (what a heat-map scales to).</summary>
    public int MaxOffDiagonal => _counts.Where(c => c.Key.Item1 != c.Key.Item2).Select(c => c.Value).DefaultIfEmpty(0).Max();

    public static CoOccurrence Count(IEnumerable<CodedPassage> passages, AnalysisFilter filter, CoOccurrenceMode mode)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(filter);
        var counts = new Dictionary<(int, int), int>();
        void Add(int a, int b, int n = 1)
        {
            var key = Key(a, b);
            counts[key] = counts.GetValueOrDefault(key) + n;
        }
        switch (mode)
        {
            case CoOccurrenceMode.SamePassage:
                foreach (var themes in passages.GroupBy(p => (p.ArticleId, p.Start, p.End)).Select(g => g.SelectMany(filter.Themes).Distinct().Order().ToArray()))
                {
                    CountPairs(themes, Add);
                }
                break;
            case CoOccurrenceMode.SameArticle:
                foreach (var themes in passages.GroupBy(p => p.ArticleId).Select(g => g.SelectMany(filter.Themes).Distinct().Order().ToArray()))
                {
                    CountPairs(themes, Add);
                }
                break;
            case CoOccurrenceMode.Overlapping:
                foreach (var article in passages.GroupBy(p => p.ArticleId))
                {
                    CountOverlaps([.. article.OrderBy(p => p.Start)], filter, Add);
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode));
        }
        return new CoOccurrence(mode, counts);
    }

    /// <summary>
    /// The passages behind a cell: those with either theme that take part in one of the cell's co-occurrences
    /// (for the diagonal, the passages with the theme).
    /// </summary>
    public static IReadOnlyList<CodedPassage> Behind(IEnumerable<CodedPassage> passages, AnalysisFilter filter, CoOccurrenceMode mode, int first, int second)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(filter);
        bool Has(CodedPassage p, int theme) => filter.Themes(p).Contains(theme);
        var candidates = passages.Where(p => Has(p, first) || Has(p, second)).ToList();
        if (first == second)
        {
            return candidates;
        }
        IEnumerable<CodedPassage> behind = mode switch
        {
            CoOccurrenceMode.SamePassage => candidates.GroupBy(p => (p.ArticleId, p.Start, p.End))
                .Where(g => g.Any(p => Has(p, first)) && g.Any(p => Has(p, second))).SelectMany(g => g),
            CoOccurrenceMode.SameArticle => candidates.GroupBy(p => p.ArticleId)
                .Where(g => g.Any(p => Has(p, first)) && g.Any(p => Has(p, second))).SelectMany(g => g),
            _ => candidates.Where(p => candidates.Any(q => p.Overlaps(q)
                && ((Has(p, first) && Has(q, second)) || (Has(p, second) && Has(q, first))))),
        };
        return [.. behind.OrderBy(p => p.ArticleId).ThenBy(p => p.Start).ThenBy(p => p.TagId)];
    }

    private static void CountPairs(int[] themes, Action<int, int, int> add)
    {
        for (var i = 0; i < themes.Length; i++)
        {
            for (var j = i; j < themes.Length; j++)
            {
                add(themes[i], themes[j], 1);
            }
        }
    }

    /// <summary>One article's passages sorted by start: each passage with itself and with every later one that
    /// begins before it ends; each such pair adds one to every (theme of the first, theme of the second) cell once.</summary>
    private static void CountOverlaps(List<CodedPassage> sorted, AnalysisFilter filter, Action<int, int, int> add)
    {
        var themes = sorted.Select(p => filter.Themes(p).Distinct().ToArray()).ToList();
        var pairCells = new HashSet<(int, int)>();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (themes[i].Length == 0)
            {
                continue;
            }
            for (var j = i; j < sorted.Count && sorted[j].Start < sorted[i].End; j++)
            {
                if (j != i && !sorted[i].Overlaps(sorted[j]))
                {
                    continue;
                }
                pairCells.Clear();
                foreach (var a in themes[i])
                {
                    foreach (var b in themes[j])
                    {
                        // A pair of passages counts once per cell, even when both carry both themes;
                        // a passage paired with itself counts once on the diagonal of each of its themes.
                        // Two different passages never add to the diagonal: it counts passages, not pairs.
                        if ((j == i ? a <= b : a != b) && pairCells.Add(Key(a, b)))
                        {
                            add(a, b, 1);
                        }
                    }
                }
            }
        }
    }

    private static (int, int) Key(int a, int b) => a <= b ? (a, b) : (b, a);
}
