using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace LocalGovBlog.Web.Caching;

/// <summary>
/// ETags and <c>304 Not Modified</c> for the JSON API's reads (and the generated theme stylesheet). The answer is made
/// in full, then its bytes are hashed: the ETag names exactly the bytes this reader would get, so it changes with every
/// tag written and differs between readers who see different private tags, with no version to keep in step. A request
/// whose <c>If-None-Match</c> holds it gets 304 and no body. What it saves is the transfer and the client's work, not
/// the server's. Readers are asked to revalidate every time (<c>no-cache</c>); a signed-in reader's answer is
/// <c>private</c>. Answers that set a cookie or say <c>no-store</c> (the antiforgery token) are passed through untouched.
/// </summary>
internal sealed class ContentETags(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }
        if (response.StatusCode == StatusCodes.Status200OK
            && string.IsNullOrEmpty(response.Headers.SetCookie)
            && string.IsNullOrEmpty(response.Headers.ETag)
            && !AnonymousPagePolicy.Forbids(response.Headers.CacheControl))
        {
            var etag = new EntityTagHeaderValue("\"" + WebEncoders.Base64UrlEncode(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))[..18]) + "\"");
            response.Headers.ETag = etag.ToString();
            response.Headers.CacheControl = context.User.Identity?.IsAuthenticated == true ? "private, no-cache" : "no-cache";
            if (Matches(context.Request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }
        // An empty answer (a 404 with no body yet) is left unstarted, so the status code pages can still write its problem.
        if (buffer.Length > 0)
        {
            response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }

    /// <summary>If-None-Match compares weakly (RFC 9110 13.1.2): a proxy that compressed the answer may have made it W/.</summary>
    private static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var sent)
        && sent.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));

    /// <summary>Reads whose answers get an ETag: the JSON API and the theme stylesheet.</summary>
    public static bool Applies(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/css/themes.css", StringComparison.OrdinalIgnoreCase));
}
