namespace LocalGovBlog.Web.Analysis;

/// <summary>A row or column of a matrix: a theme, an author or a month.</summary>
/// <param name="ThemeSlug">The theme whose colour the row's cells take, for theme rows.</param>
public sealed record MatrixAxis(string Slug, string Name, string? ThemeSlug = null);

/// <param name="Articles">For passage counts: the distinct articles they are in.</param>
/// <param name="Href">The page listing the passages behind the cell.</param>
public sealed record MatrixCell(int Value, int? Articles, string Href);

/// <summary>
/// A matrix as pages, charts, CSV and the API show it. <paramref name="Cells"/>[row][column].
/// </summary>
/// <param name="Unit">What <see cref="MatrixCell.Value"/> counts ("passages", "ranges", "articles").</param>
public sealed record MatrixTable(
    string Id, string Caption, string RowHeading, string ColumnHeading, string Unit,
    IReadOnlyList<MatrixAxis> Rows, IReadOnlyList<MatrixAxis> Columns, IReadOnlyList<IReadOnlyList<MatrixCell>> Cells,
    IReadOnlyList<MatrixCell>? RowTotals = null)
{
    /// <summary>The largest cell (off the diagonal for a square theme × theme matrix), what a heat-map's scale tops out at.</summary>
    public int Max { get; init; } = Cells.SelectMany(r => r).Select(c => c.Value).DefaultIfEmpty(0).Max();

    public bool IsEmpty => Cells.All(r => r.All(c => c.Value == 0));

    /// <summary>The same numbers with rows and columns swapped.</summary>
    public MatrixTable Transposed() => this with
    {
        RowHeading = ColumnHeading,
        ColumnHeading = RowHeading,
        Rows = Columns,
        Columns = Rows,
        Cells = [.. Columns.Select((_, c) => (IReadOnlyList<MatrixCell>)[.. Rows.Select((_, r) => Cells[r][c])])],
        RowTotals = null,
    };
}
