using System.Security.Claims;
using LocalGovBlog.Web.Analysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LocalGovBlog.Web.Api;

/// <summary>
/// The analysis's numbers for scripts and other tools: the same parameters and the same computations as
/// /analysis, so a cell here is a cell there. Bad parameters are RFC 7807 problem details naming each one.
/// </summary>
public static class AnalysisApi
{
    public sealed record Axis(string Slug, string Name);

    public sealed record Cell(string Row, string Column, int Passages, int Articles, string Href);

    public sealed record Matrix(string Rows, string Columns, IReadOnlyList<Axis> RowItems, IReadOnlyList<Axis> ColumnItems, IReadOnlyList<Cell> Cells);

    public sealed record CoCell(string Row, string Column, int Count, string Href);

    public sealed record CoOccurrenceMatrix(string Mode, string Unit, IReadOnlyList<Axis> Themes, IReadOnlyList<CoCell> Cells);

    public sealed record ThemeFigures(string Slug, string Name, double? Agreement, double? Kappa, long Characters, long Both, long OnlyA, long OnlyB, long Neither);

    public sealed record Agreement(string A, string B, int Articles, long Characters, IReadOnlyList<ThemeFigures> Themes, int Disagreements);

    public static RouteGroupBuilder MapAnalysisApi(this RouteGroupBuilder api)
    {
        var analysis = api.MapGroup("/analysis").WithTags("Analysis");
        analysis.MapGet("/matrix", MatrixAsync).WithName("AnalysisMatrix").WithSummary("Themes against authors or months: passages and articles per cell");
        analysis.MapGet("/cooccurrence", CoOccurrenceAsync).WithName("AnalysisCoOccurrence").WithSummary("Themes against themes: same passage, overlapping passages or same article");
        analysis.MapGet("/agreement", AgreementAsync).WithName("AnalysisAgreement").WithSummary("Per theme percentage agreement and Cohen's kappa over characters between two taggers");
        return api;
    }

    private static async Task<Results<Ok<Matrix>, ProblemHttpResult>> MatrixAsync(
        HttpRequest request, string? rows, string? cols, AnalysisService analysis, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (rowKind, columnKind) = ((rows ?? "themes").ToLowerInvariant(), (cols ?? "authors").ToLowerInvariant());
        string[] others = ["authors", "months"];
        var shape = (rowKind, columnKind) switch
        {
            ("themes", var c) when others.Contains(c) => (Other: c, Transposed: false),
            (var r, "themes") when others.Contains(r) => (Other: r, Transposed: true),
            _ => (Other: (string?)null, Transposed: false),
        };
        if (shape.Other is null)
        {
            return Problem([new("cols", $"A matrix has themes on one side and authors or months on the other: rows=themes&cols=authors, not rows={rows}&cols={cols}.")]);
        }
        var (scope, problems) = await analysis.ResolveAsync(AnalysisParameters.Read(request.Query), user, cancellationToken);
        if (scope is null)
        {
            return Problem(problems);
        }
        var snapshot = await analysis.SnapshotAsync(cancellationToken);
        var table = shape.Other == "authors"
            ? await analysis.ThemesByAuthorAsync(snapshot, scope, cancellationToken)
            : AnalysisService.ThemesByMonth(snapshot, scope);
        var cells = new List<Cell>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var cell = table.Cells[r][c];
                cells.Add(shape.Transposed
                    ? new Cell(table.Columns[c].Slug, table.Rows[r].Slug, cell.Value, cell.Articles ?? 0, cell.Href)
                    : new Cell(table.Rows[r].Slug, table.Columns[c].Slug, cell.Value, cell.Articles ?? 0, cell.Href));
            }
        }
        var themes = table.Rows.Select(a => new Axis(a.Slug, a.Name)).ToList();
        var other = table.Columns.Select(a => new Axis(a.Slug, a.Name)).ToList();
        return TypedResults.Ok(shape.Transposed
            ? new Matrix(shape.Other, "themes", other, themes, cells)
            : new Matrix("themes", shape.Other, themes, other, cells));
    }

    private static async Task<Results<Ok<CoOccurrenceMatrix>, ProblemHttpResult>> CoOccurrenceAsync(
        HttpRequest request, AnalysisService analysis, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (scope, problems) = await analysis.ResolveAsync(AnalysisParameters.Read(request.Query), user, cancellationToken);
        if (scope is null)
        {
            return Problem(problems);
        }
        var table = AnalysisService.CoOccurrenceOf(await analysis.SnapshotAsync(cancellationToken), scope);
        var cells = table.Rows.SelectMany((row, r) => table.Columns.Select((column, c) => new CoCell(row.Slug, column.Slug, table.Cells[r][c].Value, table.Cells[r][c].Href))).ToList();
        return TypedResults.Ok(new CoOccurrenceMatrix(AnalysisParameters.ModeName(scope.Mode), table.Unit, [.. table.Rows.Select(a => new Axis(a.Slug, a.Name))], cells));
    }

    private static async Task<Results<Ok<Agreement>, ProblemHttpResult>> AgreementAsync(
        HttpRequest request, string? a, string? b, string[]? article, AnalysisService analysis, AgreementService agreement, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (scope, problems) = await analysis.ResolveAsync(AnalysisParameters.Read(request.Query), user, cancellationToken);
        if (scope is null)
        {
            return Problem(problems);
        }
        var (report, refused) = await agreement.CompareAsync(await analysis.SnapshotAsync(cancellationToken), scope, a, b,
            [.. (article ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))], user, cancellationToken);
        if (report is null)
        {
            return Problem(refused);
        }
        return TypedResults.Ok(new Agreement(report.CoderA, report.CoderBName, report.Articles.Count, report.Characters,
            [.. report.Themes.Select(t => new ThemeFigures(t.Theme.Slug, t.Theme.Name, Round(t.Figures.Agreement), Round(t.Figures.Kappa),
                t.Figures.Characters, t.Figures.Both, t.Figures.OnlyA, t.Figures.OnlyB, t.Figures.Neither))],
            report.Disagreements.Count));
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;

    /// <summary>Every problem in one response, each under its parameter's name; the gravest status wins (401 before 400).</summary>
    private static ProblemHttpResult Problem(IReadOnlyList<AnalysisProblem> problems)
    {
        var status = problems.Any(p => p.Status == StatusCodes.Status401Unauthorized) ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
        var errors = problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => (object?)g.Select(p => p.Message).ToArray());
        return TypedResults.Problem(detail: string.Join(" ", problems.Select(p => p.Message)), statusCode: status,
            title: "The analysis could not be made", extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }
}
