using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace LocalGovBlog.Web.Analysis;

/// <summary>
/// The analysis's query string as typed, read the same way by the page and the API: repeated
/// <c>theme</c> and <c>author</c> slugs (commas also separate them), <c>taggers</c> (everyone or mine),
/// <c>from</c> and <c>to</c> (a date, or a month meaning its first or last day), the co-occurrence
/// <c>mode</c> (passage, overlap or article) and how many authors a matrix shows (<c>top</c>).
/// </summary>
public sealed record AnalysisParameters(
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Authors,
    string? Taggers,
    string? From,
    string? To,
    string? Mode,
    string? Top)
{
    public const int DefaultTop = 12;

    public const int MaxTop = 200;

    public static AnalysisParameters Read(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = query.ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<string> List(string name) => values.TryGetValue(name, out var v)
            ? [.. v.SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.OrdinalIgnoreCase)]
            : [];
        string? One(string name) => values.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) && !string.IsNullOrWhiteSpace(v[^1]) ? v[^1]!.Trim() : null;
        return new AnalysisParameters(List("theme"), List("author"), One("taggers"), One("from"), One("to"), One("mode"), One("top"));
    }

    /// <summary>These parameters as a query string (without "?"), for links that keep the reader's filters.</summary>
    public string ToQuery(params (string Name, string? Value)[] extra)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        foreach (var theme in Themes)
        {
            Add("theme", theme);
        }
        foreach (var author in Authors)
        {
            Add("author", author);
        }
        Add("taggers", Taggers);
        Add("from", From);
        Add("to", To);
        foreach (var (name, value) in extra)
        {
            Add(name, value);
        }
        return string.Join('&', parts);
    }

    public static TaggerScope? ParseTaggers(string? value) => value?.ToUpperInvariant() switch
    {
        null or "" or "EVERYONE" or "PUBLIC" => TaggerScope.Everyone,
        "MINE" => TaggerScope.Mine,
        _ => null,
    };

    public static CoOccurrenceMode? ParseMode(string? value) => value?.ToUpperInvariant() switch
    {
        null or "" or "PASSAGE" => CoOccurrenceMode.SamePassage,
        "OVERLAP" or "OVERLAPPING" => CoOccurrenceMode.Overlapping,
        "ARTICLE" => CoOccurrenceMode.SameArticle,
        _ => null,
    };

    public static string ModeName(CoOccurrenceMode mode) => mode switch
    {
        CoOccurrenceMode.Overlapping => "overlap",
        CoOccurrenceMode.SameArticle => "article",
        _ => "passage",
    };

    /// <summary>A date (2019-05-17), or a month (2019-05) read as its first day, or as its last when <paramref name="end"/>.</summary>
    public static bool TryParseDate(string? value, bool end, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            date = day;
            return true;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            date = end ? month.AddMonths(1).AddDays(-1) : month;
            return true;
        }
        return false;
    }
}
