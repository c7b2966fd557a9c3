using System.Security.Claims;
using System.Text;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;
using LocalGovBlog.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Analysis;

/// <summary>A paragraph that may belong to a theme: where it is, its words, and how close it came.</summary>
public sealed record SuggestedPassage(string ArticleSlug, string ArticleTitle, int Block, int Start, int End, string Text, double Score);

/// <summary>A theme that may fit a paragraph.</summary>
public sealed record SuggestedTheme(ThemeInfo Theme, double Score);

/// <summary>
/// "Passages that may belong here": paragraphs not yet tagged with a theme, ranked by bm25 against the text
/// already tagged with it, and the other way round, the themes whose tagged text a paragraph is most like.
/// Everything goes through the search seam (<see cref="IArticleSearch"/>), so no model is downloaded and
/// another store brings its own ranking. Only tags this reader may see teach the theme.
/// </summary>
public sealed class ThemeSuggestions(ArchiveDbContext db, IArticleSearch search)
{
    /// <summary>Tagged passages that make up a theme's sample, newest first, and the sample's length at most.</summary>
    private const int SamplePassages = 200;
    private const int SampleChars = 40_000;

    public async Task<IReadOnlyList<SuggestedPassage>> ForThemeAsync(int themeId, ClaimsPrincipal user, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var viewer = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var sample = Sample(await Tagged(themeId, viewer).OrderByDescending(a => a.Id).Take(SamplePassages).Select(a => a.Exact).ToListAsync(cancellationToken));
        var candidates = await search.SimilarPassagesAsync(sample, limit * 4, cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }
        var articleIds = candidates.Select(c => c.ArticleId).Distinct().ToList();
        var tagged = await Tagged(themeId, viewer).Where(a => articleIds.Contains(a.ArticleId))
            .Select(a => new { a.ArticleId, a.Start, a.End }).ToListAsync(cancellationToken);
        var articles = await db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Slug, a.Title, a.Text }).ToDictionaryAsync(a => a.Id, cancellationToken);
        var blocks = await db.ArticleBlocks.AsNoTracking().Where(b => articleIds.Contains(b.ArticleId))
            .Select(b => new { b.ArticleId, b.Start, b.Ordinal }).ToListAsync(cancellationToken);
        return [.. candidates
            .Where(c => !tagged.Any(t => t.ArticleId == c.ArticleId && t.Start < c.End && c.Start < t.End))
            .Take(limit)
            .Select(c =>
            {
                var article = articles[c.ArticleId];
                var block = blocks.First(b => b.ArticleId == c.ArticleId && b.Start == c.Start).Ordinal;
                return new SuggestedPassage(article.Slug, article.Title, block, c.Start, c.End, article.Text[c.Start..c.End], c.Score);
            })];
    }

    /// <summary>Themes whose tagged text this paragraph is most like, leaving out those already on it.</summary>
    public async Task<IReadOnlyList<SuggestedTheme>> ForParagraphAsync(int articleId, int start, int end, string text, ClaimsPrincipal user, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var viewer = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new ThemeInfo(t.Id, t.Slug, t.Name, t.Color, t.Description)).ToListAsync(cancellationToken);
        var present = await db.Annotations.AsNoTracking()
            .Where(a => a.ArticleId == articleId && !a.IsOrphan && (a.IsPublic || a.OwnerId == viewer) && a.Start < end && start < a.End)
            .SelectMany(a => a.Themes.Select(t => t.Id)).Distinct().ToListAsync(cancellationToken);
        var samples = new List<KeyedText>();
        foreach (var theme in themes.Where(t => !present.Contains(t.Id)))
        {
            var quotes = await Tagged(theme.Id, viewer).Where(a => !(a.ArticleId == articleId && a.Start < end && start < a.End))
                .OrderByDescending(a => a.Id).Take(SamplePassages / 2).Select(a => a.Exact).ToListAsync(cancellationToken);
            if (quotes.Count > 0)
            {
                samples.Add(new KeyedText(theme.Id, Sample(quotes)));
            }
        }
        var ranked = await search.RankTextsAsync(text, samples, limit, cancellationToken);
        return [.. ranked.Select(r => new SuggestedTheme(themes.First(t => t.Id == r.Key), r.Score))];
    }

    private IQueryable<Annotation> Tagged(int themeId, string? viewer) =>
        db.Annotations.AsNoTracking().Where(a => !a.IsOrphan && (a.IsPublic || a.OwnerId == viewer) && a.Themes.Any(t => t.Id == themeId));

    private static string Sample(IEnumerable<string> quotes)
    {
        var sample = new StringBuilder();
        foreach (var quote in quotes)
        {
            if (sample.Length + quote.Length > SampleChars)
            {
                break;
            }
            sample.Append(quote).Append('\n');
        }
        return sample.ToString();
    }
}
