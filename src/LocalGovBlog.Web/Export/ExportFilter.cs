using System.Globalization;
using System.Text;

namespace LocalGovBlog.Web.Export;

/// <summary>
/// What an export holds. <see cref="Theme"/> picks the passages tagged with that theme (each comes with
/// all its themes); <see cref="Author"/>, <see cref="Article"/> and the date range pick articles (the range
/// is on the article's published date, inclusive, and leaves undated articles out); <see cref="Mine"/>
/// keeps only the viewer's own tags. Whoever exports, private tags are only ever the viewer's own.
/// </summary>
public sealed record ExportFilter(
    string? Theme = null, string? Author = null, string? Article = null, bool Mine = false, DateOnly? From = null, DateOnly? To = null)
{
    public static readonly ExportFilter None = new();

    /// <summary>Whether the filter narrows the passages (rather than only the articles).</summary>
    public bool NarrowsTags => Theme is not null || Mine;

    public bool IsEmpty => this == None;

    /// <summary>The filter as a query string (with its leading "?", or empty), for links and collection ids.</summary>
    public string ToQueryString()
    {
        var query = new StringBuilder();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }
        Add("theme", Theme);
        Add("author", Author);
        Add("article", Article);
        Add("mine", Mine ? "true" : null);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return query.ToString();
    }

    /// <summary>In words, for a project description and the command line.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Theme is not null)
        {
            parts.Add($"theme '{Theme}'");
        }
        if (Author is not null)
        {
            parts.Add($"author '{Author}'");
        }
        if (Article is not null)
        {
            parts.Add($"article '{Article}'");
        }
        if (Mine)
        {
            parts.Add("my tags only");
        }
        if (From is not null || To is not null)
        {
            parts.Add($"published {From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "any time"} to {To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "now"}");
        }
        return parts.Count == 0 ? "every visible tag" : string.Join(", ", parts);
    }

    /// <summary>Reads the filter from request values; a value that cannot be read is a problem in words.</summary>
    public static (ExportFilter? Filter, string? Problem) Read(string? theme, string? author, string? article, string? mine, string? from, string? to)
    {
        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        DateOnly? fromDate = null, toDate = null;
        if (Clean(from) is { } f)
        {
            if (!DateOnly.TryParseExact(f, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return (null, $"'from' must be a date written as yyyy-mm-dd; got '{f}'.");
            }
            fromDate = d;
        }
        if (Clean(to) is { } t)
        {
            if (!DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return (null, $"'to' must be a date written as yyyy-mm-dd; got '{t}'.");
            }
            toDate = d;
        }
        if (fromDate > toDate)
        {
            return (null, "'from' must not be after 'to'.");
        }
        var isMine = Clean(mine) is { } m && (m.Equals("true", StringComparison.OrdinalIgnoreCase) || m == "1" || m.Equals("on", StringComparison.OrdinalIgnoreCase));
        return (new ExportFilter(Clean(theme), Clean(author), Clean(article), isMine, fromDate, toDate), null);
    }
}
