using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LocalGovBlog.Web.Pages;

/// <summary>
/// A page answers only the methods it has handlers for. GET and HEAD render it; any other method with
/// no handler to run (a POST to a read-only page or with an unknown handler name, TRACE, OPTIONS) is
/// refused — 400 when the page takes that method with another handler, 405 with Allow otherwise —
/// instead of rendering a page whose model was never loaded.
/// </summary>
internal sealed class HandlerMethodFilter : IPageFilter
{
    private static readonly string[] Reads = ["GET", "HEAD"];

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (context.HandlerMethod is not null || HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
            // Error and status pages answer whatever method failed, as they are re-executed with it.
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return;
        }
        var handled = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant())
            .Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE").ToHashSet();
        if (handled.Contains(method.ToUpperInvariant()))
        {
            context.Result = new BadRequestResult();
            return;
        }
        http.Response.Headers.Allow = string.Join(", ", Reads.Concat(handled.Order()));
        if (!HttpMethods.IsPost(method) && http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            // No browser sends these from a page, and Razor Pages answers a re-executed OPTIONS with an empty 200:
            // the bare 405 and its Allow header are the whole answer.
            statusPages.Enabled = false;
        }
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
