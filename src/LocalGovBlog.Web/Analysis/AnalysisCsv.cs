using System.Globalization;
using CsvHelper;

namespace LocalGovBlog.Web.Analysis;

/// <summary>
/// A matrix as CSV a spreadsheet opens cleanly: UTF-8 with a byte-order mark (Excel reads accents then),
/// RFC 4180 (CRLF, quotes doubled), one row per cell (long form: easy to pivot, filter and load into R),
/// and any cell that starts with =, +, - or @ prefixed with an apostrophe so it is never run as a formula.
/// </summary>
public static class AnalysisCsv
{
    private static readonly CsvWriterOptions Settings = CsvWriterOptions.Default with
    {
        NewLine = "\r\n",
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static byte[] Write(MatrixTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Settings, leaveOpen: true))
        {
            var withArticles = table.Cells.SelectMany(r => r).Any(c => c.Articles is not null);
            csv.WriteField(table.RowHeading);
            csv.WriteField(table.ColumnHeading);
            csv.WriteField(Capitalised(table.Unit));
            if (withArticles)
            {
                csv.WriteField("Articles");
            }
            csv.EndRecord();
            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var cell = table.Cells[r][c];
                    csv.WriteField(table.Rows[r].Name);
                    csv.WriteField(table.Columns[c].Name);
                    csv.WriteField(cell.Value);
                    if (withArticles)
                    {
                        csv.WriteField(cell.Articles ?? 0);
                    }
                    csv.EndRecord();
                }
            }
        }
        return buffer.ToArray();
    }

    public static string FileName(MatrixTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return $"localgovblog-{table.Id}.csv";
    }

    private static string Capitalised(string unit) => unit.Length == 0 ? unit : char.ToUpperInvariant(unit[0]) + unit[1..];
}
