using LocalGovBlog.Web.Analysis;
using LocalGovBlog.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages.Analysis;

public sealed record CellPassage(int Id, string Exact, string? Note, string Tagger, string ArticleSlug, string ArticleTitle,
    DateOnly? Published, IReadOnlyList<AuthorInfo> Authors, IReadOnlyList<ThemeInfo> Themes);

/// <summary>/analysis/passages: the passages behind one cell of a matrix (of a theme, by an author, in a month,
/// or with another theme), under the same filters, in archive order, paged.</summary>
public sealed class PassagesModel(AnalysisService analysis, ArchiveDbContext db) : AnalysisPage(analysis)
{
    public const int PageSize = 25;

    public string Heading { get; private set; } = "";

    public ThemeInfo? Of { get; private set; }

    public IReadOnlyList<CellPassage> Passages { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    // "page" is bound from the query string: by that name Razor Pages would bind its own route value, the page's name.
    public async Task<IActionResult> OnGetAsync(string? of, string? by, string? @in, string? with, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        if (!await ResolveAsync(cancellationToken))
        {
            return Page();
        }
        var scope = Scope!;
        Of = scope.Codebook.FirstOrDefault(t => string.Equals(t.Slug, of, StringComparison.OrdinalIgnoreCase));
        var partner = with is null ? null : scope.Codebook.FirstOrDefault(t => string.Equals(t.Slug, with, StringComparison.OrdinalIgnoreCase));
        var author = by is null ? null : await db.Authors.AsNoTracking().Where(a => a.Slug == by).Select(a => new AuthorInfo(a.Id, a.Slug, a.Name)).FirstOrDefaultAsync(cancellationToken);
        if (Of is null || (with is not null && partner is null) || (by is not null && author is null) || page < 1)
        {
            return NotFound();
        }
        PageNumber = page ?? 1;
        var counted = Snapshot.Counted(scope.Filter).Where(c => scope.Filter.Themes(c.Passage).Contains(Of.Id));
        if (author is not null)
        {
            counted = counted.Where(c => c.Article.AuthorIds.Contains(author.Id));
        }
        if (@in is not null)
        {
            counted = counted.Where(c => c.Article.Month == @in);
        }
        IReadOnlyList<CodedPassage> behind = partner is null
            ? [.. counted.Select(c => c.Passage)]
            : CoOccurrence.Behind(Snapshot.Counted(scope.Filter).Select(c => c.Passage), scope.Filter, scope.Mode, Of.Id, partner.Id);
        Heading = partner is not null ? $"{Of.Name} with {partner.Name}"
            : author is not null ? $"{Of.Name} in articles by {author.Name}"
            : @in is not null && DateOnly.TryParseExact(@in + "-01", "yyyy-MM-dd", out var month) ? $"{Of.Name} in {month:MMMM yyyy}"
            : Of.Name;
        Total = behind.Count;
        var ids = behind.OrderBy(p => p.ArticleId).ThenBy(p => p.Start).ThenBy(p => p.TagId)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(p => p.TagId).ToList();
        // Split: in one statement SQLite joined these 25 tags to a derived table of every tag's themes, built whole
        // first (3 s a page at a million tags); as three, each collection is read through its index.
        var rows = await db.Annotations.AsNoTracking().Where(a => ids.Contains(a.Id))
            .AsSplitQuery()
            .Select(a => new CellPassage(a.Id, a.Exact, a.Note, a.Owner.UserName!, a.Article.Slug, a.Article.Title, a.Article.Published,
                a.Article.Authors.OrderBy(aa => aa.Position).Select(aa => new AuthorInfo(aa.AuthorId, aa.Author.Slug, aa.Author.Name)).ToList(),
                a.Themes.OrderBy(t => t.Name).Select(t => new ThemeInfo(t.Id, t.Slug, t.Name, t.Color, null)).ToList()))
            .ToListAsync(cancellationToken);
        Passages = [.. ids.Select(id => rows.First(r => r.Id == id))];
        return Page();
    }

    public string PageHref(int page) => Link("/analysis/passages",
        ("of", Request.Query["of"]), ("by", Request.Query["by"]), ("in", Request.Query["in"]), ("with", Request.Query["with"]),
        ("mode", Request.Query["mode"]), ("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
}
