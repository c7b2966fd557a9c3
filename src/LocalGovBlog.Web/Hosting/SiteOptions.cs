namespace LocalGovBlog.Web.Hosting;

/// <summary>The <c>Site</c> settings: how readers reach the site.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// The address readers use, such as <c>https://blog.example.org</c>. Passage tag ids and links in the
    /// API are built from it, never from the request's Host header (which a client chooses).
    /// </summary>
    public string PublicBaseAddress { get; set; } = "http://localhost:5080";

    /// <summary>The address without a trailing slash, ready for a path to be appended.</summary>
    public string BaseAddress => PublicBaseAddress.TrimEnd('/');
}

/// <summary>The <c>Proxy</c> settings: which reverse proxies may tell the app the client's address and scheme.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>
    /// Addresses (<c>127.0.0.1</c>) or networks (<c>10.0.0.0/8</c>) of reverse proxies whose
    /// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers are believed. Empty: no proxy is
    /// trusted and the headers are ignored, so nobody can forge a client address past the rate limits.
    /// </summary>
    public IList<string> TrustedAddresses { get; } = [];
}
