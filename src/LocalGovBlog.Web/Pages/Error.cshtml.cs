using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalGovBlog.Web.Pages;

/// <summary>
/// What a person sees when a request fails with an unhandled exception (outside Development).
/// It shows the request id to quote, never the exception; visited directly it is simply not found.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    public string RequestId { get; private set; } = "";

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is null)
        {
            context.Result = NotFound();
            return;
        }
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        // The id Serilog's request logging records, so support can find the failure in the logs.
        RequestId = HttpContext.TraceIdentifier;
    }
}
