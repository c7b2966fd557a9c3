using LocalGovBlog.Web.Analysis;
using Microsoft.AspNetCore.Mvc;

namespace LocalGovBlog.Web.Pages.Analysis;

/// <summary>/analysis/agreement: a coding comparison between two taggers, or one against everyone else.</summary>
public sealed class AgreementModel(AnalysisService analysis, AgreementService agreement) : AnalysisPage(analysis)
{
    [BindProperty(SupportsGet = true)]
    public string? A { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? B { get; set; }

    /// <summary>Article addresses, separated by commas or spaces; empty for every article either side coded.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Articles { get; set; }

    public IReadOnlyList<string> Taggers { get; private set; } = [];

    public AgreementReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await ResolveAsync(cancellationToken))
        {
            return Page();
        }
        Taggers = AgreementService.Taggers(Snapshot, Scope!.Filter.ViewerId);
        if (string.IsNullOrWhiteSpace(A))
        {
            return Page();
        }
        var slugs = (Articles ?? "").Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.TrimEnd('/').Split('/')[^1]).ToList();
        var (report, problems) = await agreement.CompareAsync(Snapshot, Scope, A, B, slugs, User, cancellationToken);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field == "article" ? "articles" : problem.Field, problem.Message);
        }
        if (report is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Report = report;
        return Page();
    }

    public static string Percent(double? value) => value is { } v ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "–";

    /// <summary>Two decimals with a true minus sign; a value that rounds to zero is 0.00, never −0.00.</summary>
    public static string Kappa(double? value) => value is { } v
        ? (Math.Round(v, 2) == 0 ? 0 : v).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace("-", "−", StringComparison.Ordinal)
        : "–";
}
