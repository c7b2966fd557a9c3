using System.Globalization;
using CsvHelper;

namespace LocalGovBlog.Web.Export;

/// <summary>
/// Writes tags as CSV for spreadsheets: one row per tag and theme, UTF-8 with a byte-order mark (so
/// Excel reads the accents), RFC 4180 quoting and CRLF, and any text cell that starts like a formula
/// (= + - @, tab, CR) prefixed with an apostrophe so it opens as text, never runs.
/// </summary>
public static class TagCsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const string FileName = "localgovblog-tags.csv";

    /// <summary>The columns; <c>start</c> and <c>end</c> count Unicode code points (end exclusive), as the W3C export does.</summary>
    public static readonly string[] Columns =
    [
        "tag_id", "permalink", "article", "article_title", "authors", "published", "theme", "theme_name",
        "quote", "note", "tagger", "start", "end", "public", "orphan", "created", "modified",
    ];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
        NewLine = "\r\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <returns>The number of rows written (not counting the header).</returns>
    public static async Task<int> WriteAsync(Stream output, ArchiveIris iris, IAsyncEnumerable<ExportedArticle> articles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(iris);
        ArgumentNullException.ThrowIfNull(articles);
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }
        await csv.EndRecordAsync(cancellationToken);
        var rows = 0;
        await foreach (var article in articles.WithCancellation(cancellationToken))
        {
            var authors = string.Join("; ", article.Authors.Select(a => a.Name));
            var published = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
            foreach (var tag in article.Tags)
            {
                // The cells a tag's rows share are made once, however many themes it has.
                var id = tag.Id.ToString(CultureInfo.InvariantCulture);
                var permalink = iris.Passage(article.Slug, tag.Id);
                var start = tag.IsOrphan ? "" : article.Offsets.ToCodePoints(tag.Start).ToString(CultureInfo.InvariantCulture);
                var end = tag.IsOrphan ? "" : article.Offsets.ToCodePoints(tag.End).ToString(CultureInfo.InvariantCulture);
                var (created, modified) = (Timestamp(tag.CreatedAtUtc), Timestamp(tag.UpdatedAtUtc));
                foreach (var theme in tag.Themes)
                {
                    csv.WriteField(id);
                    csv.WriteField(permalink);
                    csv.WriteField(article.Slug);
                    csv.WriteField(article.Title);
                    csv.WriteField(authors);
                    csv.WriteField(published);
                    csv.WriteField(theme.Slug);
                    csv.WriteField(theme.Name);
                    csv.WriteField(tag.Exact);
                    csv.WriteField(tag.Note ?? "");
                    csv.WriteField(tag.OwnerName);
                    csv.WriteField(start);
                    csv.WriteField(end);
                    csv.WriteField(tag.IsPublic ? "true" : "false");
                    csv.WriteField(tag.IsOrphan ? "true" : "false");
                    csv.WriteField(created);
                    csv.WriteField(modified);
                    await csv.EndRecordAsync(cancellationToken);
                    rows++;
                }
            }
        }
        await csv.FlushAsync(cancellationToken);
        return rows;
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
