using LocalGovBlog.Web.Analysis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalGovBlog.Web.Pages.Analysis;

/// <summary>What the analysis pages share: reading the filters from the query string, and refusing bad ones
/// the GOV.UK way (the page again with an error summary, status 400 or 401).</summary>
public abstract class AnalysisPage(AnalysisService analysis) : PageModel
{
    protected AnalysisService Analysis => analysis;

    public AnalysisParameters Parameters { get; private set; } = AnalysisParameters.Read([]);

    public AnalysisScope? Scope { get; private set; }

    public AnalysisSnapshot Snapshot { get; private set; } = AnalysisSnapshot.Empty;

    /// <summary>The codebook, also when the filters were refused (the form still offers every theme).</summary>
    public IReadOnlyList<ThemeInfo> Codebook { get; private set; } = [];

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>Reads and checks the filters; false when the page should show its problems (the status is set).</summary>
    protected async Task<bool> ResolveAsync(CancellationToken cancellationToken)
    {
        Parameters = AnalysisParameters.Read(Request.Query);
        var (scope, problems) = await analysis.ResolveAsync(Parameters, User, cancellationToken);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }
        if (scope is null)
        {
            Codebook = await analysis.CodebookAsync(cancellationToken);
            Response.StatusCode = problems.Any(p => p.Status == StatusCodes.Status401Unauthorized) ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
            return false;
        }
        Scope = scope;
        Snapshot = await analysis.SnapshotAsync(cancellationToken);
        return true;
    }

    /// <summary>A link to another analysis page that keeps the reader's filters.</summary>
    public string Link(string path, params (string Name, string? Value)[] extra)
    {
        var query = Parameters.ToQuery(extra);
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    protected static FileContentResult Csv(MatrixTable table) =>
        new(AnalysisCsv.Write(table), "text/csv; charset=utf-8") { FileDownloadName = AnalysisCsv.FileName(table) };
}
