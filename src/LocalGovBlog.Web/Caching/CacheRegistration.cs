using LocalGovBlog.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Caching;

/// <summary>The output cache for anonymous readers' pages and the API's ETags: which pages are kept, with which tags.</summary>
public static class CacheRegistration
{
    public static IServiceCollection AddPageCache(this IServiceCollection services)
    {
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.Section)
            .Validate(o => o.OutputSeconds is >= 1 and <= 86_400, "Cache:OutputSeconds must be a whole number from 1 to 86400.")
            .Validate(o => o.ArticleTextMegabytes is >= 0 and <= 65_536, "Cache:ArticleTextMegabytes must be a whole number from 0 to 65536.")
            .ValidateOnStart();
        services.AddSingleton<LocalGovBlog.Web.Pages.Articles.ArticleContentCache>();
        services.AddSingleton<StoreChangeWatch>();
        services.AddHostedService(provider => provider.GetRequiredService<StoreChangeWatch>());
        services.AddSingleton<ReadMemo>();
        services.AddHttpContextAccessor();
        services.AddOutputCache(options => options.UseCaseSensitivePaths = true);
        AnonymousCompression.AddAnonymousCompression(services);
        // The framework's in-memory store, wrapped so that no page made before an eviction is stored after it.
        var memory = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(memory);
        services.AddSingleton<IOutputCacheStore>(provider => new EvictionAwareStore(
            (IOutputCacheStore)memory.ImplementationFactory!(provider), provider.GetRequiredService<IHttpContextAccessor>()));
        services.AddSingleton<PageCache>();
        // Every write through either store's context evicts what it changed; the pooled factories take these too.
        services.AddSingleton<PageChangeInterceptor>();
        services.ConfigureDbContext<ArchiveDbContext>((provider, options) =>
            options.AddInterceptors(provider.GetRequiredService<PageChangeInterceptor>()));
        services.ConfigureDbContext<PostgreSqlArchiveDbContext>((provider, options) =>
            options.AddInterceptors(provider.GetRequiredService<PageChangeInterceptor>()));
        // Registered before Razor Pages adds its own, which then stands aside.
        services.AddSingleton<ITempDataProvider>(provider =>
            new QuietTempDataProvider(ActivatorUtilities.CreateInstance<CookieTempDataProvider>(provider), provider.GetRequiredService<IOptions<CookieTempDataProviderOptions>>()));

        // After Razor Pages' own set-up, which starts the conventions afresh.
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            // On the route's selectors: the page's endpoint carries them from the start, before the page is loaded.
            void Keep(string page, AnonymousPagePolicy policy) =>
                options.Conventions.AddPageRouteModelConvention(page, model =>
                {
                    foreach (var selector in model.Selectors)
                    {
                        selector.EndpointMetadata.Add(policy);
                    }
                });
            Keep("/Index", AnonymousPagePolicy.Tagged(PageTags.Articles));
            Keep("/Authors/Index", AnonymousPagePolicy.Tagged(PageTags.Articles));
            Keep("/Authors/Show", AnonymousPagePolicy.Tagged(PageTags.Articles));
            Keep("/Articles/Show", AnonymousPagePolicy.Tagged(PageTags.Article, PageTags.Articles, PageTags.Themes, PageTags.Tags));
            Keep("/Themes/Index", AnonymousPagePolicy.Tagged(PageTags.ThemeList, PageTags.Themes, PageTags.Tags));
            Keep("/Themes/Show", AnonymousPagePolicy.Tagged(PageTags.Theme, PageTags.Articles, PageTags.Themes, PageTags.Tags));
        });
        return services;
    }

    /// <summary>The feeds and sitemap: the theme feed is a theme page in Atom, the others lists of articles.</summary>
    public static TBuilder CacheFeedsForAnonymousReaders<TBuilder>(this TBuilder feeds) where TBuilder : IEndpointConventionBuilder =>
        feeds.WithMetadata(new AnonymousPagePolicy(request =>
            request.Path.StartsWithSegments("/themes", StringComparison.Ordinal) && request.RouteValues["slug"] is string slug
                ? [PageTags.Theme(slug), PageTags.Articles, PageTags.Themes, PageTags.Tags]
                : [PageTags.Articles, PageTags.Themes]));

    /// <summary>
    /// After authentication (the cache must know who is signed in), before the endpoints. Compression sits inside the
    /// cache, so kept pages are kept compressed; the API's ETags inside that, so they are worked out on the words.
    /// </summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<CacheOptions>>().Value;
        var store = app.ApplicationServices.GetRequiredService<IOptions<StoreOptions>>().Value;
        if (options.OutputEnabled(store.IsPostgreSql))
        {
            app.UseOutputCache();
        }
        app.UseResponseCompression();
        app.UseWhen(context => ContentETags.Applies(context.Request), branch => branch.UseMiddleware<ContentETags>());
        return app;
    }
}
