using System.Globalization;
using LocalGovBlog.Web.Hosting;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Export;

/// <summary>
/// Stable IRIs for what the archive publishes: people, articles, passages, themes and authors, all
/// under one public base address, so an annotation's <c>creator.id</c> is an IRI rather than a bare
/// account id and the same tag has the same id in the API, every export and the feeds.
/// </summary>
public sealed record ArchiveIris(string Base)
{
    /// <summary>The site itself, as the generator of what it exports.</summary>
    public string Site => Base + "/";

    public string User(string id) => $"{Base}/users/{Uri.EscapeDataString(id)}";

    public string Annotation(int id) => $"{Base}/api/annotations/{id.ToString(CultureInfo.InvariantCulture)}";

    public string Article(string slug) => $"{Base}/articles/{slug}";

    /// <summary>The passage's permalink: the article opened at the highlighted passage.</summary>
    public string Passage(string slug, int id) => $"{Article(slug)}#tag-{id.ToString(CultureInfo.InvariantCulture)}";

    public string Theme(string slug) => $"{Base}/themes/{slug}";

    public string Author(string slug) => $"{Base}/authors/{slug}";

    /// <summary>The IRIs of the site that serves <paramref name="http"/>.</summary>
    public static ArchiveIris For(HttpContext http) => new(PublicAddress.Of(http));

    /// <summary>The IRIs for work done outside a request (the command line).</summary>
    public static ArchiveIris For(IServiceProvider services) => new(PublicAddress.Of(services));
}

/// <summary>
/// The one place that decides the site's public base address (scheme, host and path base, no trailing
/// slash), so ids and links everywhere are built alike: <c>Site:PublicBaseAddress</c>, never the request's
/// Host header (which a client chooses).
/// </summary>
public static class PublicAddress
{
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Of(http.RequestServices);
    }

    public static string Of(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<IOptions<SiteOptions>>().Value.BaseAddress;
    }
}
