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
/// which is counted on its own (the passages with the theme, each once). <see cref="AnalysisSnapshot.CountThemes"/> counts it.
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
    public IReadOnlyDictionary<TColumn, int> ColumnWeights => _columnWeights ??=
        _cells.GroupBy(c => c.Key.Column).ToDictionary(g => g.Key, g => g.Sum(c => c.Value.Passages));

    private Dictionary<TColumn, int>? _columnWeights;

    public int Max => _cells.Count == 0 ? 0 : _cells.Values.Max(c => c.Passages);
}
