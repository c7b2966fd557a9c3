using System.Security.Claims;
using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Analysis;

/// <summary>The outcome of a coding comparison: who against whom, over which articles, per theme, and where they part.</summary>
public sealed record AgreementReport(
    string CoderA, string? CoderB, IReadOnlyList<ArticleRef> Articles, long Characters,
    IReadOnlyList<(ThemeInfo Theme, AgreementFigures Figures)> Themes, IReadOnlyList<DisagreementView> Disagreements)
{
    public string CoderBName => CoderB ?? "everyone else";
}

public sealed record ArticleRef(int Id, string Slug, string Title);

public sealed record DisagreementView(ThemeInfo Theme, ArticleRef Article, IReadOnlyList<PassageQuote> OnlyA, IReadOnlyList<PassageQuote> OnlyB);

public sealed record PassageQuote(int Id, string Exact);

/// <summary>
/// The coding comparison for the page and the API: two taggers (or one against every other tagger),
/// over the articles either of them coded (or the ones named), counting only tags this reader may see.
/// </summary>
public sealed class AgreementService(ArchiveDbContext db)
{
    /// <summary>Disagreements listed at most; the figures always count every one.</summary>
    public const int MaxDisagreements = 100;

    public async Task<(AgreementReport? Report, IReadOnlyList<AnalysisProblem> Problems)> CompareAsync(
        AnalysisSnapshot snapshot, AnalysisScope scope, string? a, string? b, IReadOnlyList<string> articleSlugs, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(articleSlugs);
        var viewer = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var problems = new List<AnalysisProblem>();
        var coderA = await FindTaggerAsync(a, cancellationToken);
        string? coderB = null;
        if (string.IsNullOrWhiteSpace(a))
        {
            problems.Add(new("a", "Choose the tagger to compare (a)."));
        }
        else if (coderA is null)
        {
            problems.Add(new("a", $"No tagger is called '{a}'."));
        }
        var everyoneElse = string.IsNullOrWhiteSpace(b) || string.Equals(b, "everyone", StringComparison.OrdinalIgnoreCase);
        if (!everyoneElse)
        {
            coderB = await FindTaggerAsync(b, cancellationToken);
            if (coderB is null)
            {
                problems.Add(new("b", $"No tagger is called '{b}'."));
            }
            else if (coderB == coderA)
            {
                problems.Add(new("b", "Compare two different taggers, or one against everyone else."));
            }
        }
        var slugs = articleSlugs.Select(s => s.ToLowerInvariant()).Distinct().ToList();
        var named = slugs.Count == 0 ? [] : await db.Articles.AsNoTracking().Where(x => slugs.Contains(x.Slug))
            .Select(x => new ArticleRef(x.Id, x.Slug, x.Title)).ToListAsync(cancellationToken);
        var unknown = slugs.Where(s => !named.Any(n => n.Slug == s)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add(new("article", $"No article has the address {string.Join(", ", unknown.Select(u => $"'{u}'"))}."));
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        // Only what this reader may see, in the articles the filters allow; whose the tags are decides the sides.
        var sides = snapshot.Coding(coderA!, coderB, scope.Filter, viewer);
        var themeIds = scope.Themes.Select(t => t.Id).ToList();
        var ids = slugs.Count > 0 ? named.Select(n => n.Id).ToArray() : sides.ArticlesWith(themeIds);
        // One JSON parameter: as tens of thousands of parameters (EF's default) the query took seconds to build and bind.
        var articles = await db.Articles.AsNoTracking().Where(x => EF.Parameter(ids).Contains(x.Id))
            .OrderBy(x => x.SourceOrder).Select(x => new { x.Id, x.Slug, x.Title, Length = x.TextLength }).ToListAsync(cancellationToken);
        var lengths = articles.ToDictionary(x => x.Id, x => x.Length);
        var (figures, parts) = sides.Compare(lengths, themeIds, MaxDisagreements);
        var quoteIds = parts.SelectMany(d => d.OnlyA.Concat(d.OnlyB)).Select(p => p.TagId).ToList();
        var quotes = await db.Annotations.AsNoTracking().Where(an => quoteIds.Contains(an.Id)).ToDictionaryAsync(an => an.Id, an => an.Exact, cancellationToken);
        var refs = articles.ToDictionary(x => x.Id, x => new ArticleRef(x.Id, x.Slug, x.Title));
        var themes = scope.Themes.ToDictionary(t => t.Id);
        PassageQuote Quote(CodedPassage p) => new(p.TagId, quotes.GetValueOrDefault(p.TagId, ""));
        var names = snapshot.TaggerNames;
        return (new AgreementReport(
            names.GetValueOrDefault(coderA!, a!), coderB is null ? null : names.GetValueOrDefault(coderB, b!),
            [.. refs.Values], lengths.Values.Sum(l => (long)l),
            [.. figures.Select(f => (themes[f.ThemeId], f.Overall))],
            [.. parts.Select(d => new DisagreementView(themes[d.ThemeId], refs[d.ArticleId], [.. d.OnlyA.Select(Quote)], [.. d.OnlyB.Select(Quote)]))]), []);
    }

    /// <summary>The people whose tags this reader can see, by user name, for the comparison's choices.</summary>
    public static IReadOnlyList<string> Taggers(AnalysisSnapshot snapshot, string? viewerId)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return [.. snapshot.VisibleTaggers(viewerId)
            .Select(id => snapshot.TaggerNames.GetValueOrDefault(id, id)).Order(StringComparer.CurrentCultureIgnoreCase)];
    }

    private async Task<string?> FindTaggerAsync(string? userName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return null;
        }
        var normalized = userName.Trim().ToUpperInvariant();
        return await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
