using LocalGovBlog.Web.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages.Articles;

public sealed record AuthorLink(string Slug, string Name)
{
    /// <summary>"A, B and C", each a link to the author's page. Written here rather than as a partial view: lists show it
    /// once per entry (25 on a theme page), and finding and running a partial for each was a tenth of those pages' cost.</summary>
    public static IHtmlContent Links(IEnumerable<AuthorLink> authors)
    {
        ArgumentNullException.ThrowIfNull(authors);
        var list = authors as IReadOnlyList<AuthorLink> ?? [.. authors];
        var html = new HtmlContentBuilder(list.Count * 5);
        for (var i = 0; i < list.Count; i++)
        {
            html.AppendHtml(i == 0 ? "" : i == list.Count - 1 ? " and " : ", ")
                .AppendHtml("<a class=\"author-link\" href=\"/authors/").Append(list[i].Slug)
                .AppendHtml("\">").Append(list[i].Name).AppendHtml("</a>");
        }
        return html;
    }
}

/// <summary>An article as lists show it: title, authors, a few opening words, reading time.</summary>
public sealed record ArticleListItem(
    string Slug, string Title, IReadOnlyList<AuthorLink> Authors, string Summary, bool IsExcerpt, int ReadingMinutes, DateOnly? Published = null);

/// <summary>A list of articles, the heading level its titles take in the page's outline, and, on an
/// author's own page, whose byline need not be repeated under every title.</summary>
public sealed record ArticleList(IReadOnlyList<ArticleListItem> Items, int HeadingLevel = 2, string? PageAuthorSlug = null)
{
    public bool ShowsByline(ArticleListItem article) =>
        article.Authors.Count > 0 && !(article.Authors.Count == 1 && article.Authors[0].Slug == PageAuthorSlug);
}

public static class ArticleListQuery
{
    private const int SummaryWords = 40;

    // Enough characters for forty words of prose, so the whole text never leaves the database for a list.
    private const int OpeningChars = 800;

    /// <summary>
    /// The order lists show: dated posts newest first, then undated ones in the listing's own order. SQLite sorts
    /// nulls last in a descending sort, and its index serves "Published DESC, SourceOrder"; PostgreSQL sorts them
    /// first, so there undated posts are put last explicitly (an index on the same expressions serves it).
    /// </summary>
    public static IOrderedQueryable<Article> InListingOrder(this IQueryable<Article> articles, ArchiveDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsNpgsql()
            ? articles.OrderBy(a => a.Published == null).ThenByDescending(a => a.Published).ThenBy(a => a.SourceOrder)
            : articles.OrderByDescending(a => a.Published).ThenBy(a => a.SourceOrder);
    }

    /// <summary>Projects already filtered and ordered articles into list items.</summary>
    public static async Task<List<ArticleListItem>> ToListItemsAsync(
        this IQueryable<Article> articles, CancellationToken cancellationToken) =>
        (await articles.ToKeyedListItemsAsync(cancellationToken)).ConvertAll(row => row.Item);

    /// <summary>The same, each with its article's id, for callers that hold ids (search hits).</summary>
    public static async Task<List<(int Id, ArticleListItem Item)>> ToKeyedListItemsAsync(
        this IQueryable<Article> articles, CancellationToken cancellationToken)
    {
        var rows = await articles
            .Select(a => new
            {
                a.Id,
                a.Slug,
                a.Title,
                a.Standfirst,
                a.IsExcerpt,
                a.WordCount,
                a.Published,
                Opening = a.Text.Substring(0, OpeningChars),
            })
            .ToListAsync(cancellationToken);
        var authors = await articles.AuthorLinksAsync(cancellationToken);
        return rows.ConvertAll(r => (r.Id, new ArticleListItem(
            r.Slug,
            r.Title,
            authors[r.Id].Select(a => new AuthorLink(a.Slug, a.Name)).ToList(),
            string.IsNullOrWhiteSpace(r.Standfirst) ? OpeningWords(r.Opening, SummaryWords, r.Opening.Length >= OpeningChars) : r.Standfirst,
            r.IsExcerpt,
            ReadingTime.Minutes(r.WordCount),
            r.Published)));
    }

    /// <summary>The bylines of the same articles, in byline order, as a second query. (Projecting them
    /// inside the articles' query made SQLite join the authors of every article on a large archive.)</summary>
    public static async Task<ILookup<int, (string Slug, string Name, string? Role)>> AuthorLinksAsync(
        this IQueryable<Article> articles, CancellationToken cancellationToken)
    {
        var links = await articles
            .SelectMany(a => a.Authors)
            .Select(aa => new { aa.ArticleId, aa.Position, aa.Author.Slug, aa.Author.Name, aa.Role })
            .ToListAsync(cancellationToken);
        return links.OrderBy(l => l.Position).ToLookup(l => l.ArticleId, l => (l.Slug, l.Name, l.Role));
    }

    /// <summary>The first <paramref name="count"/> words, with an ellipsis when the text goes on.</summary>
    public static string OpeningWords(string text, int count, bool textWasCut = false)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        // A text cut in the database may end inside a word: never show that fragment.
        var usable = textWasCut && words.Length > 0 ? words[..^1] : words;
        if (usable.Length <= count && !textWasCut)
        {
            return string.Join(' ', usable);
        }
        return string.Join(' ', usable.Take(count)).TrimEnd(',', ';', ':', '.', '–', '—', ' ') + "…";
    }
}

/// <summary>A post's date as the pages write it ("27 November 2026") and as machines read it (2026-11-27).</summary>
public static class PublishedDate
{
    public static string Display(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Machine(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public static class ReadingTime
{
    public const int WordsPerMinute = 230;

    public static int Minutes(int wordCount) =>
        Math.Max(1, (int)Math.Round(wordCount / (double)WordsPerMinute, MidpointRounding.AwayFromZero));
}
