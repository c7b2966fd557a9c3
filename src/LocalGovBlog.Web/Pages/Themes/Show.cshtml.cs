using LocalGovBlog.Web.Caching;
using LocalGovBlog.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages.Themes;

public sealed record ThemeView(string Slug, string Name, string Color, string? Description);

public sealed record ThemePassage(int Id, string Exact, string? Note, string Tagger, string ArticleSlug, string ArticleTitle,
    IReadOnlyList<ThemeAuthor> Authors);

public sealed record ThemeAuthor(string Slug, string Name);

/// <summary>What a theme page counts over all of a theme's passages: how many there are, and whose articles hold them.</summary>
public sealed record ThemeSummary(int Total, IReadOnlyList<ThemeAuthor> Authors);

/// <summary>Every public passage tagged with one theme across the archive, in reading order, paged, by author if asked.</summary>
public sealed class ShowModel(ReadMemo memo) : PageModel
{
    public const int PageSize = 25;

    public ThemeView Theme { get; private set; } = null!;

    public IReadOnlyList<ThemePassage> Passages { get; private set; } = [];

    public IReadOnlyList<ThemeAuthor> AuthorChoices { get; private set; } = [];

    public string? Author { get; private set; }

    public int PageNumber { get; private set; }

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    // "page" is a route value Razor Pages keeps for the page's own name: bound by that name, ?page= never reached the
    // handler and every page number showed the first page. The query string is bound instead, as on the home page.
    public async Task<IActionResult> OnGetAsync(string slug, string? author, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var theme = (await memo.GetAsync(new ThemeOf(slug), async (store, ct) => new FoundTheme(await ThemeNamed.For(store)(store, slug, ct)),
            cancellationToken)).Theme;
        if (theme is null || page < 1)
        {
            return NotFound();
        }
        Theme = theme.View;
        Author = string.IsNullOrWhiteSpace(author) ? null : author;
        PageNumber = page ?? 1;
        var themeId = theme.Id;
        var all = await memo.GetAsync(new SummaryOf(themeId), (store, ct) => SummariseAsync(store, Counted(store, themeId), ct), cancellationToken);
        AuthorChoices = all.Authors;
        // Only real questions are asked and kept: an author with no passage here, or a page past the last, has nothing
        // to show, so a reader typing any author or page number costs no query and fills nothing in ReadMemo.
        if (Author is not null && !AuthorChoices.Any(choice => choice.Slug == Author))
        {
            Total = 0;
            return Page();
        }
        var by = Author;
        Total = by is null
            ? all.Total
            : (await memo.GetAsync(new CountOf(themeId, by), async (store, ct) => new PassageCount(
                await Counted(store, themeId).Where(a => a.Article.Authors.Any(aa => aa.Author.Slug == by)).CountAsync(ct)), cancellationToken)).Total;
        if (PageNumber > PageCount)
        {
            return Page();
        }
        var number = PageNumber;
        Passages = await memo.GetAsync(new PassagesOf(themeId, by, number), (store, ct) => PassagesAsync(store, themeId, by, number, ct), cancellationToken);
        return Page();
    }

    // Counting goes from the theme to its tags through the theme's index on the links; the page goes from the articles
    // (PassagesAsync). Each is the cheap way round for what it asks.
    private static IQueryable<Data.Annotation> Counted(ArchiveDbContext store, int themeId) =>
        store.Themes.AsNoTracking().Where(t => t.Id == themeId).SelectMany(t => t.Annotations).Where(a => a.IsPublic && !a.IsOrphan);

    /// <summary>Starting from the articles in listing order and stopping after this page's passages: SQLite walks the
    /// articles' order index and looks up each one's tags, instead of sorting every passage of the theme. The bylines
    /// as a second statement: joined into this one, SQLite would build every article's bylines first.</summary>
    private static Task<List<ThemePassage>> PassagesAsync(ArchiveDbContext store, int themeId, string? author, int page, CancellationToken cancellationToken)
    {
        var tagged = store.Annotations.AsNoTracking().Where(a => a.IsPublic && !a.IsOrphan && a.Themes.Any(t => t.Id == themeId));
        if (author is not null)
        {
            tagged = tagged.Where(a => a.Article.Authors.Any(aa => aa.Author.Slug == author));
        }
        return tagged
            .AsSplitQuery()
            .OrderBy(a => a.Article.SourceOrder).ThenBy(a => a.Start).ThenBy(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new ThemePassage(a.Id, a.Exact, a.Note, a.Owner.UserName!, a.Article.Slug, a.Article.Title,
                a.Article.Authors.OrderBy(aa => aa.Position).Select(aa => new ThemeAuthor(aa.Author.Slug, aa.Author.Name)).ToList()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every passage of the theme counted, and the authors of the articles that hold one (each author checked
    /// against the set of tagged articles, built once, rather than every tag joined to its authors).</summary>
    private static async Task<ThemeSummary> SummariseAsync(ArchiveDbContext store, IQueryable<Data.Annotation> tagged, CancellationToken cancellationToken)
    {
        var taggedArticles = tagged.Select(a => a.ArticleId);
        var authors = await store.Authors.AsNoTracking()
            .Where(author => author.Articles.Any(aa => taggedArticles.Contains(aa.ArticleId)))
            .OrderBy(a => a.Name).Select(a => new ThemeAuthor(a.Slug, a.Name)).ToListAsync(cancellationToken);
        return new ThemeSummary(await tagged.CountAsync(cancellationToken), authors);
    }

    private sealed record NamedTheme(int Id, ThemeView View);

    /// <summary>The theme an address names, if any: kept until the next write (a rename or recolour is one), so a
    /// reader of a theme page whose counts and passages are kept too needs nothing from the store; a miss is not kept.</summary>
    private sealed record FoundTheme(NamedTheme? Theme) : ReadMemo.IMaybeKept
    {
        public bool WorthKeeping => Theme is not null;
    }

    // The theme by its slug, compiled (EF's own work for a new LINQ tree was a fifth of the page's cost).
    private static readonly PerEngine<Func<ArchiveDbContext, string, CancellationToken, Task<NamedTheme?>>> ThemeNamed = new(() =>
        EF.CompileAsyncQuery((ArchiveDbContext db, string slug, CancellationToken _) => db.Themes.AsNoTracking()
            .Where(t => t.Slug == slug)
            .Select(t => new NamedTheme(t.Id, new ThemeView(t.Slug, t.Name, t.Color, t.Description)))
            .FirstOrDefault()));

    // The questions a theme page asks of ReadMemo.
    private sealed record ThemeOf(string Slug);

    private sealed record SummaryOf(int Theme);

    private sealed record CountOf(int Theme, string Author);

    private sealed record PassageCount(int Total);

    private sealed record PassagesOf(int Theme, string? Author, int Page);

    public string PageHref(int page) =>
        QueryHelpers(Author is null ? [] : [$"author={Uri.EscapeDataString(Author)}"], page);

    private static string QueryHelpers(List<string> parts, int page)
    {
        if (page > 1)
        {
            parts.Add($"page={page}");
        }
        return parts.Count == 0 ? "?" : "?" + string.Join('&', parts);
    }
}
