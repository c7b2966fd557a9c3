using LocalGovBlog.Web.Analysis;
using Microsoft.AspNetCore.Mvc;

namespace LocalGovBlog.Web.Pages.Analysis;

/// <summary>/analysis: themes × authors, themes × themes and themes over time, each as a heat-map or small
/// multiples with its table beside it, and each table as CSV (?download=authors|cooccurrence|months).</summary>
public sealed class IndexModel(AnalysisService analysis) : AnalysisPage(analysis)
{
    public MatrixTable? ByAuthor { get; private set; }

    public MatrixTable? CoOccurrence { get; private set; }

    public MatrixTable? ByMonth { get; private set; }

    /// <summary>Authors of tagged articles, for the filter.</summary>
    public IReadOnlyList<AuthorInfo> AuthorChoices { get; private set; } = [];

    public int Counted { get; private set; }

    public int Undated { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? download, CancellationToken cancellationToken)
    {
        if (!await ResolveAsync(cancellationToken))
        {
            AuthorChoices = await Analysis.AuthorsOfTaggedAsync(Snapshot, cancellationToken);
            return Page();
        }
        var scope = Scope!;
        switch (download)
        {
            case "authors":
                return Csv(await Analysis.ThemesByAuthorAsync(Snapshot, scope, cancellationToken));
            case "cooccurrence":
                return Csv(AnalysisService.CoOccurrenceOf(Snapshot, scope));
            case "months":
                return Csv(AnalysisService.ThemesByMonth(Snapshot, scope));
            case null or "":
                break;
            default:
                return NotFound();
        }
        ByAuthor = await Analysis.ThemesByAuthorAsync(Snapshot, scope, cancellationToken);
        CoOccurrence = AnalysisService.CoOccurrenceOf(Snapshot, scope);
        ByMonth = AnalysisService.ThemesByMonth(Snapshot, scope);
        (Counted, Undated) = AnalysisService.Totals(Snapshot, scope);
        AuthorChoices = await Analysis.AuthorsOfTaggedAsync(Snapshot, cancellationToken);
        return Page();
    }
}
