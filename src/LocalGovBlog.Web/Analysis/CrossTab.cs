namespace LocalGovBlog.Web.Analysis;

/// <summary>A cell of a matrix: how many passages, in how many articles.</summary>
public readonly record struct CellCount(int Passages, int Articles)
{
    public bool IsEmpty => Passages == 0;
}

/// <summary>
/// Themes against another dimension of the passages' articles (authors, months): each cell counts the
/// passages carrying the row's theme in articles of the column, and the distinct articles they are in.
/// An article with two authors counts under each, so a row's cells may add up to more than its total,
/// which is counted on its own (the passages with the theme, each once).
/// </summary>
public sealed class CrossTab<TColumn> where TColumn : notnull
{
    private readonly Dictionary<(int Theme, TColumn Column), CellCount> _cells;
    private readonly Dictionary<int, CellCount> _rowTotals;

    internal CrossTab(Dictionary<(int, TColumn), CellCount> cells, Dictionary<int, CellCount> rowTotals)
    {
        _cells = cells;
        _rowTotals = rowTotals;
    }

    public CellCount this[int themeId, TColumn column] => _cells.GetValueOrDefault((themeId, column));

    /// <summary>Passages with the theme (each once) and the articles they are in, over every column.</summary>
    public CellCount RowTotal(int themeId) => _rowTotals.GetValueOrDefault(themeId);

    /// <summary>The columns with at least one passage, with their passage count summed over the rows.</summary>
    public IReadOnlyDictionary<TColumn, int> ColumnWeights =>
        _cells.GroupBy(c => c.Key.Column).ToDictionary(g => g.Key, g => g.Sum(c => c.Value.Passages));

    public int Max => _cells.Count == 0 ? 0 : _cells.Values.Max(c => c.Passages);
}

/// <summary>Counts a <see cref="CrossTab{TColumn}"/>.</summary>
public static class CrossTab
{
    /// <param name="columnsOf">The columns an article falls under (its authors; its month, or none when undated).</param>
    public static CrossTab<TColumn> Count<TColumn>(
        IEnumerable<(CodedPassage Passage, CodedArticle Article)> passages,
        AnalysisFilter filter,
        Func<CodedArticle, IEnumerable<TColumn>> columnsOf)
        where TColumn : notnull
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(columnsOf);
        var passageCounts = new Dictionary<(int, TColumn), int>();
        var articleSets = new Dictionary<(int, TColumn), HashSet<int>>();
        var rowPassages = new Dictionary<int, int>();
        var rowArticles = new Dictionary<int, HashSet<int>>();
        foreach (var (passage, article) in passages)
        {
            var columns = columnsOf(article).Distinct().ToList();
            foreach (var theme in filter.Themes(passage).Distinct())
            {
                rowPassages[theme] = rowPassages.GetValueOrDefault(theme) + 1;
                Set(rowArticles, theme).Add(article.Id);
                foreach (var column in columns)
                {
                    var key = (theme, column);
                    passageCounts[key] = passageCounts.GetValueOrDefault(key) + 1;
                    Set(articleSets, key).Add(article.Id);
                }
            }
        }
        var cells = passageCounts.ToDictionary(p => p.Key, p => new CellCount(p.Value, articleSets[p.Key].Count));
        var totals = rowPassages.ToDictionary(p => p.Key, p => new CellCount(p.Value, rowArticles[p.Key].Count));
        return new CrossTab<TColumn>(cells, totals);
    }

    private static HashSet<int> Set<TKey>(Dictionary<TKey, HashSet<int>> sets, TKey key) where TKey : notnull
    {
        if (!sets.TryGetValue(key, out var set))
        {
            set = [];
            sets[key] = set;
        }
        return set;
    }
}
