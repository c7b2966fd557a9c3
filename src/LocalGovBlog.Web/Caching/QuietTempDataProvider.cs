using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Caching;

/// <summary>
/// The cookie TempData provider, less one header: a page with <c>[TempData]</c> properties (the article page) saves
/// its empty TempData on every answer, which expires the cookie even for a reader who has none. That changes nothing
/// for them, but a response that sets a cookie is never kept, so no anonymous article page would be.
/// </summary>
internal sealed class QuietTempDataProvider(CookieTempDataProvider cookies, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((values is null || values.Count == 0) && !context.Request.Cookies.ContainsKey(options.Value.Cookie.Name!))
        {
            return;
        }
        cookies.SaveTempData(context, values!);
    }
}
