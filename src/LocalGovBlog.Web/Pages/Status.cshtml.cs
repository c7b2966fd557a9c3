using LocalGovBlog.Web.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalGovBlog.Web.Pages;

/// <summary>
/// The page a person sees for an error status (status code pages re-execute here). It answers with
/// the status it describes, whatever the request's method, so an error is never reported as a 200.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string? RequestedPath { get; private set; }

    public (string Heading, string Explanation) Message => Code switch
    {
        StatusCodes.Status404NotFound => ("We couldn’t find that page",
            "The address may be mistyped, or the page may have moved. The list of articles and the authors index are good places to start again."),
        StatusCodes.Status400BadRequest => ("We couldn’t understand that request",
            "Something in the address or the form wasn’t in the shape we expected. Check it and try again."),
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => ("You can’t open this page",
            "It needs a signed-in account with permission to see it."),
        StatusCodes.Status405MethodNotAllowed => ("That action isn’t available here",
            "This address can’t be used that way."),
        StatusCodes.Status413PayloadTooLarge => ("That file is too large",
            $"Uploads here can be up to {(HttpContext.Items[RequestSizeLimits.ExceededLimitItem] is long limit ? RequestSizeLimits.Describe(limit) : "the size this page allows")}. "
            + "Split the dump into smaller files, or import it from the command line, which has no size limit."),
        StatusCodes.Status429TooManyRequests => ("Too many requests",
            "Please wait a moment, then try again."),
        >= 500 => ("Something went wrong on our side",
            "It isn’t anything you did. Please try again in a few minutes."),
        _ => ("Something went wrong", "Please check the address and try again."),
    };

    // Runs for every method (a POST to a missing page is re-executed as a POST), not only GET.
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var code = context.RouteData.Values["code"] is string text && int.TryParse(text, out var parsed) ? parsed : 0;
        // Only error statuses are described; /status/200 must not pass for a page that exists.
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        RequestedPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
    }
}
