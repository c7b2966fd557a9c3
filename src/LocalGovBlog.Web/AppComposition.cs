using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Security.Claims;
using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Analysis;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Api;
using LocalGovBlog.Web.Caching;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Export;
using LocalGovBlog.Web.Feeds;
using LocalGovBlog.Web.Import;
using LocalGovBlog.Web.Search;
using LocalGovBlog.Web.Hosting;
using LocalGovBlog.Web.Pages;
using LocalGovBlog.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Serilog;

namespace LocalGovBlog.Web;

/// <summary>The app's services and request pipeline, kept out of Program.cs so it reads as a table of contents.</summary>
public static class AppComposition
{
    private const string ReadyTag = "ready";

    /// <param name="commandLine">What the program was asked to do: serve (possibly with --insecure-http) or run a command.</param>
    public static WebApplicationBuilder AddLocalGovBlog(this WebApplicationBuilder builder, AppCommandLine commandLine)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(commandLine);
        var insecureHttp = commandLine.InsecureHttp;
        builder.Services.AddSettings(insecureHttp, serving: commandLine.Command is null);
        // Under systemd (Type=notify) the unit is "started" only once the store is migrated and the server listens.
        builder.Host.UseSystemd();
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            // A start-up failure the runner explains in one line (a port in use) is not logged a second time, with
            // its stack trace, by the host.
            .Filter.ByExcluding(e => e.Exception is { } exception
                && e.Properties.TryGetValue("SourceContext", out var source)
                && source is Serilog.Events.ScalarValue { Value: "Microsoft.Extensions.Hosting.Internal.Host" }
                && AppRunner.Describe(exception) is not null));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddArchiveStore();
        builder.Services.AddScoped<SqliteArticleSearch>();
        builder.Services.AddScoped<PostgreSqlArticleSearch>();
        builder.Services.AddScoped<IArticleSearch>(services => services.GetRequiredService<IOptions<StoreOptions>>().Value.IsPostgreSql
            ? services.GetRequiredService<PostgreSqlArticleSearch>()
            : services.GetRequiredService<SqliteArticleSearch>());
        builder.Services.AddScoped<ArticleImporter>();
        builder.Services.AddScoped<ArchiveInitializer>();
        builder.Services.AddSingleton<StoreStartup>();
        builder.Services.AddScoped<PassageTagService>();
        builder.Services.AddScoped<CodebookService>();
        builder.Services.AddScoped<ExportQuery>();
        builder.Services.AddScoped<AnnotationImporter>();
        builder.Services.AddApiDescription();
        builder.Services.AddAnalysis();
        builder.Services.AddPageCache();

        builder.Services.AddAccounts(builder.Configuration, builder.Environment, insecureHttp);
        builder.Services.AddRateLimits();
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new HandlerMethodFilter());
            options.Conventions.AuthorizeFolder("/Admin", AppRoles.Admin);
            options.Conventions.AuthorizeFolder("/Account/Manage");
        });
        builder.Services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        // A TLS-terminating proxy tells us the scheme and the client's address; only the proxies named in
        // Proxy:TrustedAddresses are believed, so nobody else can forge an address past the rate limits.
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var trusted in proxy.Value.TrustedAddresses)
            {
                if (trusted.Contains('/', StringComparison.Ordinal))
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(trusted));
                }
                else
                {
                    forwarded.KnownProxies.Add(IPAddress.Parse(trusted));
                }
            }
        });
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddSingleton<MigratedStoreMemory>();
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [ReadyTag]);
        return builder;
    }

    public static async Task InitializeArchiveAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ArchiveInitializer>().InitializeAsync(importSeeds: true);
        await scope.ServiceProvider.GetRequiredService<AccountService>().EnsureRolesAsync();
    }

    public static WebApplication UseLocalGovBlog(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // With no proxy named the headers are ignored (the middleware would believe anyone given an empty list).
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.TrustedAddresses.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging(options =>
        {
            // Who did what: the account id, never a password or a cookie.
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms for {UserId}";
            options.EnrichDiagnosticContext = (diagnostics, context) =>
                diagnostics.Set("UserId", context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous");
        });
        if (!app.Environment.IsDevelopment())
        {
            // People get a friendly page, API clients problem details; nobody gets a stack trace.
            app.UseWhen(context => !IsApi(context.Request.Path), branch => branch.UseExceptionHandler("/error"));
            app.UseWhen(context => IsApi(context.Request.Path), branch => branch.UseExceptionHandler());
            app.UseHsts();
        }
        app.UseWhen(context => !IsApi(context.Request.Path), branch => branch.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseWhen(context => IsApi(context.Request.Path), branch => branch.UseStatusCodePages());
        app.MapStaticAssets();
        app.UseRouting();
        app.UseRequestSizeLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UsePageCache();
        app.MapRazorPages().WithStaticAssets();
        var api = app.MapGroup("/api").WithProblemResponses().WithMetadata(new RequestSizeLimitAttribute(RequestSizeLimits.ApiMaxBytes));
        api.MapArticlesApi();
        api.MapAuthorsApi();
        api.MapAccountsApi();
        api.MapAnnotationsApi();
        api.MapThemesApi();
        api.MapAnalysisApi();
        app.MapThemeStyles();
        app.MapExportApi();
        app.MapFeeds();
        app.MapApiDescription();
        // Live: the process answers. Ready: the store answers and has every migration (what a load balancer asks).
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapHealthChecks("/health");
        return app;
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
