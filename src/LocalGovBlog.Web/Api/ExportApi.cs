using System.Globalization;
using System.Security.Claims;
using LocalGovBlog.Web.Export;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LocalGovBlog.Web.Api;

/// <summary>
/// The export files: W3C annotations, CSV, the REFI-QDA codebook and project. Each takes the same filter
/// (<c>?theme=&amp;author=&amp;article=&amp;mine=&amp;from=&amp;to=</c>), holds only tags the caller may see (their
/// own private ones included when signed in), and streams: nothing holds the whole archive in memory.
/// </summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/export").WithTags("Exports").WithProblemResponses();
        export.MapGet("/annotations.jsonld", AnnotationsAsync)
            .WithName("ExportAnnotations")
            .WithSummary("Tags as a W3C Web Annotation collection (JSON-LD; positions in Unicode code points)")
            .Produces(StatusCodes.Status200OK, contentType: "application/ld+json");
        export.MapGet("/tags.csv", CsvAsync)
            .WithName("ExportTagsCsv")
            .WithSummary("Tags as CSV for spreadsheets: one row per tag and theme, UTF-8 with BOM, formulas neutralised")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        export.MapGet("/codebook.qdc", CodebookAsync)
            .WithName("ExportCodebook")
            .WithSummary("The codebook as a REFI-QDA .qdc file (codes with colours, descriptions and one level of hierarchy)")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml");
        export.MapGet("/project.qdpx", ProjectAsync)
            .WithName("ExportProject")
            .WithSummary("The tagged articles as a REFI-QDA .qdpx project (project.qde and each article's text)")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        return app;
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> AnnotationsAsync(
        [AsParameters] FilterParameters query, ExportQuery exports, HttpContext http, CancellationToken cancellationToken)
    {
        var (filter, viewer, problem) = await CheckAsync(query, exports, http, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var iris = ArchiveIris.For(http);
        var total = await exports.CountTagsAsync(filter!, viewer, cancellationToken);
        return Download(http, W3cAnnotationExport.ContentType, W3cAnnotationExport.FileName, stream =>
            W3cAnnotationExport.WriteAsync(stream, iris, $"{iris.Base}/export/annotations.jsonld{filter!.ToQueryString()}",
                $"LocalGovBlog passage tags: {filter.Describe()}", total, exports.ArticlesAsync(filter, viewer, taggedOnly: true, cancellationToken), cancellationToken));
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> CsvAsync(
        [AsParameters] FilterParameters query, ExportQuery exports, HttpContext http, CancellationToken cancellationToken)
    {
        var (filter, viewer, problem) = await CheckAsync(query, exports, http, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var iris = ArchiveIris.For(http);
        return Download(http, TagCsvExport.ContentType, TagCsvExport.FileName, stream =>
            TagCsvExport.WriteAsync(stream, iris, exports.ArticlesAsync(filter!, viewer, taggedOnly: true, cancellationToken), cancellationToken));
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> CodebookAsync(
        [AsParameters] FilterParameters query, ExportQuery exports, HttpContext http, CancellationToken cancellationToken)
    {
        var (filter, viewer, problem) = await CheckAsync(query, exports, http, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var codebook = await exports.CodebookAsync(filter!, viewer, cancellationToken);
        if (codebook.Count == 0)
        {
            return TypedResults.Problem(title: "No themes to export", statusCode: StatusCodes.Status404NotFound,
                detail: $"No tag matches {filter!.Describe()}, so no theme does: a codebook needs at least one.");
        }
        return Download(http, RefiQdaExport.CodebookContentType, RefiQdaExport.CodebookFileName, stream =>
            RefiQdaExport.WriteCodebookAsync(stream, codebook, cancellationToken));
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ProjectAsync(
        [AsParameters] FilterParameters query, ExportQuery exports, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (filter, viewer, problem) = await CheckAsync(query, exports, http, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var iris = ArchiveIris.For(http);
        var codebook = await exports.CodebookAsync(cancellationToken);
        var users = await exports.TaggersAsync(filter!, viewer, cancellationToken);
        var header = ProjectHeader(filter!, clock, iris);
        return Download(http, RefiQdaExport.ProjectContentType, RefiQdaExport.ProjectFileName, stream =>
            RefiQdaExport.WriteProjectAsync(stream, header, codebook, users,
                exports.ArticlesAsync(filter!, viewer, taggedOnly: false, cancellationToken), exports.SourcesAsync(filter!, viewer, taggedOnly: false),
                cancellationToken));
    }

    public static RefiQdaExport.ProjectHeader ProjectHeader(ExportFilter filter, TimeProvider clock, ArchiveIris iris)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(iris);
        var now = clock.GetUtcNow().UtcDateTime;
        return new RefiQdaExport.ProjectHeader($"LocalGovBlog {now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", now,
            $"Exported from {iris.Site} on {now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC: {filter.Describe()}.", iris);
    }

    /// <summary>The export filter's query parameters (each optional).</summary>
    public sealed record FilterParameters(string? Theme, string? Author, string? Article, string? Mine, string? From, string? To);

    private static async Task<(ExportFilter? Filter, string? Viewer, ProblemHttpResult? Problem)> CheckAsync(
        FilterParameters query, ExportQuery exports, HttpContext http, CancellationToken cancellationToken)
    {
        var (filter, problem) = ExportFilter.Read(query.Theme, query.Author, query.Article, query.Mine, query.From, query.To);
        if (filter is null)
        {
            return (null, null, TypedResults.Problem(title: "Invalid export filter", detail: problem, statusCode: StatusCodes.Status400BadRequest));
        }
        var viewer = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (await exports.ProblemAsync(filter, viewer, cancellationToken) is { } refused)
        {
            return (null, null, TypedResults.Problem(title: refused.Title, detail: refused.Detail, statusCode: refused.Status));
        }
        return (filter, viewer, null);
    }

    private static PushStreamHttpResult Download(HttpContext http, string contentType, string fileName, Func<Stream, Task> write)
    {
        // What an export holds depends on who asks (their private tags): no shared cache may keep it.
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Stream(write, contentType, fileName);
    }
}
