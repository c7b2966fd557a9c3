using System.Security.Claims;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages.Export;

/// <summary>
/// Every export format with its filters. The form is a GET: choosing a format sends the reader to that
/// file's address with the same filter (the addresses integrations use), after the filter is checked here
/// so a mistake comes back as a message on the form rather than as a problem document.
/// </summary>
public sealed class IndexModel(ArchiveDbContext db, ExportQuery exports) : PageModel
{
    public sealed record Format(string Key, string Label, string Address, string Hint);

    public sealed record Choice(string Slug, string Name);

    public static readonly IReadOnlyList<Format> Formats =
    [
        new("w3c", "W3C Web Annotations (JSON-LD)", "/export/annotations.jsonld", "For annotation tools such as Hypothesis and Recogito, and to bring tags back in here."),
        new("csv", "CSV spreadsheet", "/export/tags.csv", "One row per tag and theme, for Excel, LibreOffice or R."),
        new("qdpx", "REFI-QDA project (.qdpx)", "/export/project.qdpx", "The articles with their tags, for NVivo, ATLAS.ti, MAXQDA and QualCoder."),
        new("qdc", "REFI-QDA codebook (.qdc)", "/export/codebook.qdc", "The themes alone, with colours, descriptions and hierarchy."),
    ];

    [BindProperty(Name = "format", SupportsGet = true)]
    public string? Chosen { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Theme { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Author { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Article { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IReadOnlyList<Choice> Themes { get; private set; } = [];

    public IReadOnlyList<Choice> Authors { get; private set; } = [];

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>The filter of the form as it stands, for the direct links.</summary>
    public string Query => ExportFilter.Read(Theme, Author, Article, Mine ? "true" : null, From, To).Filter?.ToQueryString() ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Chosen is not null)
        {
            var chosen = Formats.FirstOrDefault(f => f.Key == Chosen);
            var (filter, problem) = ExportFilter.Read(Theme, Author, Article, Mine ? "true" : null, From, To);
            if (chosen is null)
            {
                ModelState.AddModelError(nameof(Chosen), "Choose one of the formats.");
            }
            else if (filter is null)
            {
                ModelState.AddModelError(problem!.StartsWith("'to'", StringComparison.Ordinal) ? nameof(To) : nameof(From), problem);
            }
            else if (await exports.ProblemAsync(filter, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken) is { } refused)
            {
                var field = refused.Title.Contains("Theme", StringComparison.Ordinal) ? nameof(Theme)
                    : refused.Title.Contains("Author", StringComparison.Ordinal) ? nameof(Author)
                    : refused.Title.Contains("Article", StringComparison.Ordinal) ? nameof(Article) : nameof(Mine);
                ModelState.AddModelError(field, refused.Detail);
            }
            else
            {
                return Redirect(chosen.Address + filter.ToQueryString());
            }
        }
        Themes = await db.Themes.AsNoTracking().OrderBy(t => t.Name).Select(t => new Choice(t.Slug, t.Name)).ToListAsync(cancellationToken);
        Authors = await db.Authors.AsNoTracking().OrderBy(a => a.SearchName).Select(a => new Choice(a.Slug, a.Name)).ToListAsync(cancellationToken);
        return Page();
    }
}
