using System.Globalization;
using System.Text;

namespace LocalGovBlog.Web.Analysis;

/// <summary>A passage quoted in the codebook report.</summary>
public sealed record ExamplePassage(int TagId, string Exact, string ArticleSlug, string ArticleTitle, string Tagger);

/// <summary>One theme of the codebook report: what it is, how much it is used, by whom and where.</summary>
public sealed record CodebookEntry(
    ThemeInfo Theme, int Passages, int Articles, int Taggers,
    IReadOnlyList<(AuthorInfo Author, int Passages)> TopAuthors, IReadOnlyList<ExamplePassage> Examples);

/// <summary>
/// The codebook report's numbers (pure, from the snapshot): per theme its passages, articles, taggers,
/// the authors whose articles carry it most, and which passages to quote — one per article, from the
/// articles that carry the theme most, so three examples show three places rather than one.
/// </summary>
public static class CodebookReport
{
    public const int TopAuthors = 3;

    public const int Examples = 3;

    public sealed record Counted(ThemeInfo Theme, int Passages, int Articles, int Taggers, IReadOnlyList<(int AuthorId, int Passages)> TopAuthors, IReadOnlyList<CodedPassage> Examples);

    public static IReadOnlyList<Counted> Count(IEnumerable<(CodedPassage Passage, CodedArticle Article)> passages, AnalysisFilter filter, IReadOnlyList<ThemeInfo> themes)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(themes);
        var byTheme = new Dictionary<int, List<(CodedPassage Passage, CodedArticle Article)>>();
        foreach (var item in passages)
        {
            foreach (var theme in filter.Themes(item.Passage).Distinct())
            {
                if (!byTheme.TryGetValue(theme, out var list))
                {
                    byTheme[theme] = list = [];
                }
                list.Add(item);
            }
        }
        return [.. themes.Select(theme =>
        {
            var list = byTheme.GetValueOrDefault(theme.Id) ?? [];
            var authors = list.SelectMany(i => i.Article.AuthorIds.Distinct()).GroupBy(id => id)
                .Select(g => (AuthorId: g.Key, Passages: g.Count())).OrderByDescending(a => a.Passages).ThenBy(a => a.AuthorId).Take(TopAuthors).ToList();
            var examples = list.GroupBy(i => i.Passage.ArticleId)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => g.Select(i => i.Passage).OrderBy(p => p.Start).ThenBy(p => p.TagId).First())
                .Take(Examples).ToList();
            return new Counted(theme, list.Count, list.Select(i => i.Passage.ArticleId).Distinct().Count(),
                list.Select(i => i.Passage.OwnerId).Distinct().Count(), authors, examples);
        })];
    }

    /// <summary>The report as Markdown: a heading per theme, its description as written, counts, authors and quoted examples.</summary>
    public static string Markdown(IReadOnlyList<CodebookEntry> entries, string scope, Uri site)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(site);
        var md = new StringBuilder();
        md.Append("# Codebook report\n\n").Append(scope).Append("\n\n");
        foreach (var entry in entries)
        {
            md.Append("## ").Append(Escape(entry.Theme.Name)).Append("\n\n");
            if (!string.IsNullOrWhiteSpace(entry.Theme.Description))
            {
                md.Append(entry.Theme.Description.Trim()).Append("\n\n");
            }
            md.Append(CultureInfo.InvariantCulture, $"{Plural(entry.Passages, "passage")} in {Plural(entry.Articles, "article")}, by {Plural(entry.Taggers, "tagger")}.\n\n");
            if (entry.TopAuthors.Count > 0)
            {
                md.Append("Top authors: ")
                    .AppendJoin(", ", entry.TopAuthors.Select(a => $"{Escape(a.Author.Name)} ({a.Passages.ToString(CultureInfo.InvariantCulture)})"))
                    .Append("\n\n");
            }
            foreach (var example in entry.Examples)
            {
                foreach (var line in example.Exact.Split('\n'))
                {
                    md.Append("> ").Append(Escape(line.TrimEnd('\r'))).Append('\n');
                }
                md.Append(">\n> — [").Append(Escape(example.ArticleTitle)).Append("](")
                    .Append(new Uri(site, $"/articles/{example.ArticleSlug}#passage-{example.TagId.ToString(CultureInfo.InvariantCulture)}").AbsoluteUri)
                    .Append("), tagged by ").Append(Escape(example.Tagger)).Append("\n\n");
            }
        }
        return md.ToString();
    }

    private static string Plural(int count, string noun) =>
        count == 1 ? $"1 {noun}" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} {noun}s";

    /// <summary>Quoted words stay words: Markdown's punctuation is escaped so a quote cannot become a link, emphasis,
    /// a heading, a list or HTML ("1. [x](y)" is written "1\. \[x\]\(y\)").</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var opensLine = i == 0 && c is '-' or '+' or '=';
            var numbered = c is '.' or ')' && i > 0 && char.IsAsciiDigit(text[i - 1]) && text[..i].All(char.IsAsciiDigit);
            if (@"\`*_{}[]()<>#|~!".Contains(c, StringComparison.Ordinal) || opensLine || numbered)
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
