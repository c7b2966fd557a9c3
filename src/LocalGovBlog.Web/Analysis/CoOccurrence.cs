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
/// <see cref="AnalysisSnapshot.CountCoOccurrence"/> counts it.
/// </summary>
public sealed class CoOccurrence
{
    private readonly Dictionary<(int, int), int> _counts;

    internal CoOccurrence(CoOccurrenceMode mode, Dictionary<(int, int), int> counts)
    {
        Mode = mode;
        _counts = counts;
    }

    public CoOccurrenceMode Mode { get; }

    public int this[int rowTheme, int columnTheme] => _counts.GetValueOrDefault(Key(rowTheme, columnTheme));

    /// <summary>The largest count off the diagonal (what a heat-map scales to).</summary>
    public int MaxOffDiagonal => _counts.Where(c => c.Key.Item1 != c.Key.Item2).Select(c => c.Value).DefaultIfEmpty(0).Max();

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

    internal static (int, int) Key(int a, int b) => a <= b ? (a, b) : (b, a);
}
