using System.Globalization;
using System.Text;
using LocalGovBlog.Web.Text;

namespace LocalGovBlog.Web.Annotations;

/// <summary>The article a cited passage comes from.</summary>
public sealed record CitedArticle(string Title, IReadOnlyList<string> Authors, DateOnly? Published, string SiteName);

/// <summary>
/// A passage as a reference: Harvard style (Cite Them Right's form for a blog post, with the passage's
/// permalink as its address) and BibTeX (<c>@misc</c>, which every BibTeX style knows, with the quote in the note).
/// </summary>
public static class PassageCitation
{
    private const int QuoteLength = 300;

    /// <summary><c>Staite, C. and Mason, A. (2019) ‘Title’, <i>LocalGovBlog</i>, 17 May. Available at: URL (Accessed: 28 November 2026).</c></summary>
    public static string Harvard(CitedArticle article, string permalink, DateOnly accessed)
    {
        ArgumentNullException.ThrowIfNull(article);
        var names = article.Authors.Select(HarvardName).ToList();
        var authors = names.Count switch
        {
            0 => article.SiteName,
            1 => names[0],
            <= 3 => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
            _ => $"{names[0]} et al.",
        };
        var year = article.Published?.Year.ToString(CultureInfo.InvariantCulture) ?? "no date";
        var day = article.Published is { } date ? $", {date.ToString("d MMMM", CultureInfo.InvariantCulture)}" : "";
        return $"{authors} ({year}) ‘{article.Title}’, {article.SiteName}{day}. Available at: {permalink} (Accessed: {accessed.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}).";
    }

    public static string BibTex(CitedArticle article, string permalink, DateOnly accessed, string quote)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(quote);
        var surname = article.Authors.Count > 0 ? Split(article.Authors[0]).Surname : article.SiteName;
        var firstWord = Slug.From(article.Title).Split('-').FirstOrDefault(w => w.Length > 3) ?? "passage";
        var key = $"{Slug.From(surname).Replace("-", "", StringComparison.Ordinal)}{article.Published?.Year.ToString(CultureInfo.InvariantCulture) ?? "nd"}{firstWord}";
        var shortQuote = quote.Length <= QuoteLength ? quote : quote[..QuoteLength].TrimEnd() + "…";
        var bib = new StringBuilder();
        bib.Append("@misc{").Append(key).Append(",\n");
        Field(bib, "author", article.Authors.Count > 0 ? string.Join(" and ", article.Authors.Select(BibName)) : "{" + Escape(article.SiteName) + "}");
        Field(bib, "title", "{" + Escape(article.Title) + "}");
        if (article.Published is { } date)
        {
            Field(bib, "year", date.Year.ToString(CultureInfo.InvariantCulture));
            Field(bib, "month", date.ToString("MMM", CultureInfo.InvariantCulture).ToLowerInvariant(), braces: false);
        }
        Field(bib, "howpublished", $"{Escape(article.SiteName)}, \\url{{{EscapeUrl(permalink)}}}");
        Field(bib, "note", $"Passage: ``{Escape(OneLine(shortQuote))}''. Accessed {accessed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", last: true);
        return bib.Append('}').ToString();
    }

    private static void Field(StringBuilder bib, string name, string value, bool braces = true, bool last = false) =>
        bib.Append("  ").Append(name).Append(" = ").Append(braces ? "{" : "").Append(value).Append(braces ? "}" : "").Append(last ? "\n" : ",\n");

    /// <summary>"Catherine Staite" → "Staite, C."; a one-word name (the blog itself) stays as it is.</summary>
    private static string HarvardName(string name)
    {
        var (given, surname) = Split(name);
        var initials = string.Concat(given.Select(g => char.ToUpperInvariant(g[0]) + "."));
        return initials.Length == 0 ? surname : $"{surname}, {initials}";
    }

    private static string BibName(string name)
    {
        var (given, surname) = Split(name);
        return given.Count == 0 ? "{" + Escape(surname) + "}" : $"{Escape(surname)}, {Escape(string.Join(' ', given))}";
    }

    private static (IReadOnlyList<string> Given, string Surname) Split(string name)
    {
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? ([], name) : (words[..^1], words[^1]);
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>LaTeX's special characters as text.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => "\\textbackslash{}",
                '{' or '}' or '%' or '&' or '$' or '#' or '_' => "\\" + c,
                '^' => "\\^{}",
                '~' => "\\~{}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    private static string EscapeUrl(string url) => url.Replace("%", "\\%", StringComparison.Ordinal).Replace("#", "\\#", StringComparison.Ordinal);
}
