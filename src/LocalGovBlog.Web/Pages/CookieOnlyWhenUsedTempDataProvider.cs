using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Pages;

/// <summary>
/// TempData in a cookie (as ASP.NET Core's own provider), written only when there is something to keep or a cookie to
/// clear. The stock provider answers every page with TempData properties (the article page's "Tag deleted. Undo") by
/// deleting a cookie the reader never had: a <c>Set-Cookie</c> header on every anonymous read, which also marks the
/// page as personal to caches.
/// </summary>
internal sealed class CookieOnlyWhenUsedTempDataProvider(IServiceProvider services, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    private readonly CookieTempDataProvider _cookie = ActivatorUtilities.CreateInstance<CookieTempDataProvider>(services);

    public IDictionary<string, object> LoadTempData(HttpContext context) => _cookie.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(context);
        var nothingToKeep = values is null || values.Count == 0;
        if (nothingToKeep && !context.Request.Cookies.ContainsKey(options.Value.Cookie.Name ?? CookieTempDataProvider.CookieName))
        {
            return;
        }
        _cookie.SaveTempData(context, values!);
    }
}
