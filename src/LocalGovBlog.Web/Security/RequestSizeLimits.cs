using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace LocalGovBlog.Web.Security;

/// <summary>
/// A request larger than its address allows is answered 413 before anything reads it, with the limit
/// named: problem details for the API, the status page for people. Without this an oversized upload
/// failed inside antiforgery's form reading and was reported as a malformed request.
/// </summary>
public static class RequestSizeLimits
{
    /// <summary>The JSON API's bodies are passage tags and themes: a megabyte is far more than any needs.</summary>
    public const long ApiMaxBytes = 1024 * 1024;

    /// <summary>Where the status page finds the limit that was exceeded.</summary>
    public const string ExceededLimitItem = "LocalGovBlog.RequestSizeLimit";

    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                // The status page describing a 413 is re-executed with the same (unread) body: let it through.
                await next(context);
                return;
            }
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            if (limit is { } max && context.Request.ContentLength > max)
            {
                await TooLargeAsync(context, max);
                return;
            }
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                // A body sent without Content-Length ran past the limit while being read.
                await TooLargeAsync(context, limit ?? 0);
            }
        });

    /// <summary>"50 MB" for whole megabytes, else the bytes.</summary>
    public static string Describe(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
            ? (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MB"
            : bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";

    private static async Task TooLargeAsync(HttpContext context, long limit)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        // The body was not read; closing lets the client stop sending it.
        context.Response.Headers.Connection = "close";
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Items[ExceededLimitItem] = limit;
            return;
        }
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request too large",
                Detail = $"The request body may be at most {Describe(limit)} here.",
            },
        });
    }
}
