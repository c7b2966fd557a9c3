using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Caching;

/// <summary>
/// Compresses what anonymous readers are sent, in gzip (or Brotli, for a client that prefers it) as their browser asks: a heavily tagged article is
/// half a megabyte of HTML and under 40 KB compressed. Only answers that carry nothing secret are compressed — never a
/// signed-in reader's, nor one that sets a cookie or says <c>no-store</c> or <c>private</c> (antiforgery marks every
/// answer carrying its token <c>no-store</c>) — so someone who can put words of their choosing into a page (a search,
/// say) cannot learn a secret beside them from the compressed length (BREACH). A compressed answer's ETag is made weak:
/// its bytes are not the uncompressed answer's. Runs inside the output cache, so a kept page is kept compressed, once
/// per encoding (<see cref="AnonymousPagePolicy"/> varies the key by it).
/// </summary>
internal sealed class AnonymousCompression(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : IResponseCompressionProvider
{
    private readonly ResponseCompressionProvider framework = new(services, options);

    public static IServiceCollection AddAnonymousCompression(IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            // gzip first where a browser takes both: at the fastest levels it packs a 515 KB page in 0.3 ms to 44 KB,
            // Brotli in 3 ms to 34 KB (docs/benchmarks.md); pages are compressed as they are made, on two cores.
            options.Providers.Add<GzipCompressionProvider>();
            options.Providers.Add<BrotliCompressionProvider>();
            // What the app makes: pages, API answers, feeds and the sitemap, the theme stylesheet. Not text/plain
            // (/health: a few bytes, cheaper sent as they are); static files come precompressed.
            options.MimeTypes = ["text/html", "application/json", "application/problem+json", "application/atom+xml", "application/xml", "text/css"];
        });
        // The fastest levels: a page is made for one reader at a time, and most of the gain is in the first pass.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, AnonymousCompression>();
        return services;
    }

    /// <summary>The encoding this request's answer would be sent in ("br", "gzip"), or "" for none.</summary>
    public static string EncodingFor(HttpContext context)
    {
        var provider = context.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        return provider.CheckRequestAcceptsCompression(context) ? provider.GetCompressionProvider(context)?.EncodingName ?? "" : "";
    }

    public ICompressionProvider? GetCompressionProvider(HttpContext context) => framework.GetCompressionProvider(context);

    /// <summary>Asked first: a signed-in reader's answer is never wrapped for compression at all.</summary>
    public bool CheckRequestAcceptsCompression(HttpContext context) =>
        AnonymousPagePolicy.IsAnonymous(context) && framework.CheckRequestAcceptsCompression(context);

    /// <summary>Asked when the answer starts, so its headers are known.</summary>
    public bool ShouldCompressResponse(HttpContext context)
    {
        var response = context.Response;
        if (!string.IsNullOrEmpty(response.Headers.SetCookie)
            || AnonymousPagePolicy.Forbids(response.Headers.CacheControl)
            || !framework.ShouldCompressResponse(context))
        {
            return false;
        }
        var etag = response.Headers.ETag.ToString();
        if (etag.Length > 0 && !etag.StartsWith("W/", StringComparison.Ordinal))
        {
            response.Headers.ETag = "W/" + etag;
        }
        return true;
    }
}
