using System.Globalization;
using System.Net;
using System.Text;

namespace LocalGovBlog.Web.Analysis;

/// <summary>
/// Charts drawn on the server as SVG: no script and no style attribute (the CSP allows neither). Colours
/// come from the codebook through the theme classes of /css/themes.css (<c>hl--t-{slug}</c> sets
/// <c>--theme</c> and the stripe colours), and intensity through the <c>fill-opacity</c> attribute, so the
/// charts follow the page into dark mode and onto paper. Each chart is a picture of the table beside it
/// (which is what screen readers and keyboards use), so the SVG is hidden from assistive technology and
/// its cell links are left out of the tab order.
/// </summary>
public static class MatrixCharts
{
    private const int CellWidth = 46;
    private const int CellHeight = 30;
    private const int Gap = 2;
    private const double CharWidth = 6.6;

    public static string HeatMap(MatrixTable table, bool diagonalApart = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rowLabels = table.Rows.Select(r => Shorten(r.Name, 26)).ToList();
        var columnLabels = table.Columns.Select(c => Shorten(c.Name, 24)).ToList();
        var left = (int)Math.Ceiling(rowLabels.Select(l => l.Length).DefaultIfEmpty(4).Max() * CharWidth) + 14;
        // Column labels run up at 40 degrees: their height is the longest label's sine.
        var top = (int)Math.Ceiling(columnLabels.Select(l => l.Length).DefaultIfEmpty(4).Max() * CharWidth * 0.64) + 22;
        var width = left + table.Columns.Count * (CellWidth + Gap) + 40;
        var height = top + table.Rows.Count * (CellHeight + Gap) + 4;
        var max = Math.Max(1, table.Max);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heat-map\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" aria-hidden=\"true\" focusable=\"false\" data-table=\"{table.Id}\">");
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var x = left + c * (CellWidth + Gap) + CellWidth / 2;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"heat-map__column\" x=\"{x}\" y=\"{top - 8}\" transform=\"rotate(-40 {x} {top - 8})\">{E(columnLabels[c])}</text>");
        }
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var y = top + r * (CellHeight + Gap);
            var row = table.Rows[r];
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"heat-map__row\" x=\"{left - 10}\" y=\"{y + CellHeight / 2 + 4}\" text-anchor=\"end\">{E(rowLabels[r])}</text>");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var cell = table.Cells[r][c];
                var x = left + c * (CellWidth + Gap);
                var diagonal = diagonalApart && table.Rows[r].Slug == table.Columns[c].Slug;
                var share = diagonal ? 0.18 : Math.Min(1.0, (double)cell.Value / max);
                var opacity = cell.Value == 0 ? 0 : 0.14 + 0.8 * share;
                var theme = row.ThemeSlug is null ? "" : $" hl--t-{row.ThemeSlug}";
                var kind = cell.Value == 0 ? " heat-map__cell--empty" : diagonal ? " heat-map__cell--diagonal" : "";
                var title = $"{row.Name} × {table.Columns[c].Name}: {Describe(table, cell)}{(diagonal ? " (the theme itself)" : "")}";
                svg.Append(CultureInfo.InvariantCulture,
                    $"<a href=\"{E(cell.Href)}\" tabindex=\"-1\" class=\"heat-map__link\" data-row=\"{E(row.Slug)}\" data-column=\"{E(table.Columns[c].Slug)}\" data-value=\"{cell.Value}\">");
                svg.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title>");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"heat-map__cell{theme}{kind}\" x=\"{x}\" y=\"{y}\" width=\"{CellWidth}\" height=\"{CellHeight}\" rx=\"3\" fill-opacity=\"{opacity:0.###}\"/>");
                var strong = !diagonal && share > 0.55 ? " heat-map__value--strong" : "";
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"heat-map__value{strong}\" x=\"{x + CellWidth / 2}\" y=\"{y + CellHeight / 2 + 4}\" text-anchor=\"middle\">{(cell.Value == 0 ? "·" : cell.Value.ToString(CultureInfo.InvariantCulture))}</text>");
                svg.Append("</a>");
            }
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>One small line chart per row over the columns (months), all on the same vertical scale so they compare.</summary>
    public static IReadOnlyList<(MatrixAxis Row, string Svg, int Total)> SmallMultiples(MatrixTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        const int width = 260, height = 104, left = 30, right = 10, plotTop = 12, plotBottom = 74;
        var max = Math.Max(1, table.Max);
        var charts = new List<(MatrixAxis, string, int)>();
        var n = table.Columns.Count;
        double X(int i) => n <= 1 ? (left + width - right) / 2.0 : left + (width - left - right) * (double)i / (n - 1);
        double Y(int v) => plotBottom - (plotBottom - plotTop) * (double)v / max;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var values = table.Cells[r].Select(c => c.Value).ToList();
            var theme = row.ThemeSlug is null ? "" : $" hl--t-{row.ThemeSlug}";
            var svg = new StringBuilder();
            svg.Append(CultureInfo.InvariantCulture,
                $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spark{theme}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" aria-hidden=\"true\" focusable=\"false\" data-theme=\"{E(row.Slug)}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"spark__axis\" x1=\"{left}\" y1=\"{plotBottom}\" x2=\"{width - right}\" y2=\"{plotBottom}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"spark__grid\" x1=\"{left}\" y1=\"{plotTop}\" x2=\"{width - right}\" y2=\"{plotTop}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"spark__label\" x=\"{left - 6}\" y=\"{plotTop + 4}\" text-anchor=\"end\">{max}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"spark__label\" x=\"{left - 6}\" y=\"{plotBottom + 4}\" text-anchor=\"end\">0</text>");
            if (n > 0)
            {
                var points = string.Join(' ', values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(v):0.#}")));
                if (n > 1)
                {
                    var area = string.Create(CultureInfo.InvariantCulture, $"{X(0):0.#},{plotBottom} {points} {X(n - 1):0.#},{plotBottom}");
                    svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"spark__area\" points=\"{area}\" fill-opacity=\"0.18\"/>");
                    svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"spark__line\" points=\"{points}\"/>");
                }
                for (var i = 0; i < n; i++)
                {
                    if (values[i] > 0 && (n <= 36 || values[i] == values.Max()))
                    {
                        svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"spark__dot\" cx=\"{X(i):0.#}\" cy=\"{Y(values[i]):0.#}\" r=\"2.6\"/>");
                    }
                }
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"spark__label\" x=\"{left}\" y=\"{height - 8}\">{E(table.Columns[0].Name)}</text>");
                if (n > 1)
                {
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<text class=\"spark__label\" x=\"{width - right}\" y=\"{height - 8}\" text-anchor=\"end\">{E(table.Columns[^1].Name)}</text>");
                }
            }
            svg.Append("</svg>");
            charts.Add((row, svg.ToString(), values.Sum()));
        }
        return charts;
    }

    /// <summary>"3 passages in 2 articles", "1 article", as the cell's tooltip and table say it.</summary>
    public static string Describe(MatrixTable table, MatrixCell cell)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(cell);
        var unit = cell.Value == 1 ? Singular(table.Unit) : table.Unit;
        var text = string.Create(CultureInfo.InvariantCulture, $"{cell.Value} {unit}");
        if (cell.Articles is { } articles && cell.Value > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" in {articles} {(articles == 1 ? "article" : "articles")}");
        }
        return text;
    }

    private static string Singular(string unit) => unit switch
    {
        "pairs of passages" => "pair of passages",
        _ when unit.EndsWith('s') => unit[..^1],
        _ => unit,
    };

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
