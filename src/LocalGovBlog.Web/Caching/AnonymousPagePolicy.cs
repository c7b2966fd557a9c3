using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LocalGovBlog.Web.Caching;

/// <summary>
/// Keeps a page for anonymous readers only. A signed-in reader is never served a kept page (it would hide their
/// private tags and lack their forms) and their page is never kept. A response that sets a cookie or says it must
/// not be stored (antiforgery marks every response that carries a token <c>no-store</c>) is never kept either, so
/// no reader is ever given another's token. Pages vary by their whole query string and the encoding they are sent in.
/// A reader who carries TempData (a notice such as "Tag deleted" waiting to be shown) is never served from the cache,
/// so the notice is shown and the cookie cleared (see <see cref="QuietTempDataProvider"/>).
/// </summary>
/// <param name="tagsOf">The <see cref="PageTags"/> of what the page shows, from the request's route values.</param>
public sealed class AnonymousPagePolicy(Func<HttpRequest, IEnumerable<string>> tagsOf) : IOutputCachePolicy
{
    public static AnonymousPagePolicy Tagged(params string[] tags) => new(_ => tags);

    /// <summary>A page about one thing named by the route's <c>slug</c>, such as one article or one theme.</summary>
    public static AnonymousPagePolicy Tagged(Func<string, string> slugTag, params string[] tags) =>
        new(request => request.RouteValues["slug"] is string slug ? [slugTag(slug), .. tags] : tags);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var anonymous = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && IsAnonymous(http)
            && !request.Cookies.ContainsKey(TempDataCookie(http));
        context.EnableOutputCaching = anonymous;
        context.AllowCacheLookup = anonymous;
        context.AllowCacheStorage = anonymous;
        context.AllowLocking = anonymous;
        if (!anonymous)
        {
            return ValueTask.CompletedTask;
        }
        var options = http.RequestServices.GetRequiredService<IOptions<CacheOptions>>().Value;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(options.OutputSeconds);
        context.CacheVaryByRules.QueryKeys = "*";
        // Kept once per encoding the page is sent in (see AnonymousCompression), not once per browser's way of asking.
        context.CacheVaryByRules.VaryByValues["encoding"] = AnonymousCompression.EncodingFor(http);
        foreach (var tag in tagsOf(request))
        {
            context.Tags.Add(tag);
        }
        if (http.RequestServices.GetRequiredService<IOutputCacheStore>() is EvictionAwareStore store)
        {
            EvictionAwareStore.NoteBeginning(http, store.Generation);
        }
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || !string.IsNullOrEmpty(response.Headers.SetCookie)
            || Forbids(response.Headers.CacheControl))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Not signed in, and no credentials sent with the request.</summary>
    internal static bool IsAnonymous(HttpContext http) =>
        http.User.Identity?.IsAuthenticated != true && string.IsNullOrEmpty(http.Request.Headers.Authorization);

    private static string TempDataCookie(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>>().Value.Cookie.Name!;

    /// <summary>True when the response says it is not to be kept, or is for one reader only.</summary>
    internal static bool Forbids(Microsoft.Extensions.Primitives.StringValues cacheControl) =>
        CacheControlHeaderValue.TryParse(cacheControl.ToString(), out var parsed) && (parsed.NoStore || parsed.Private);
}
