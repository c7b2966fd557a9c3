using System.Text.Json;
using System.Text.Json.Serialization;
using System.Security.Claims;
using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Analysis;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Api;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;
using LocalGovBlog.Web.Search;
using LocalGovBlog.Web.Security;
using Serilog;

namespace LocalGovBlog.Web;

/// <summary>The app's services and request pipeline, kept out of Program.cs so it reads as a table of contents.</summary>
public static class AppComposition
{
    public static WebApplicationBuilder AddLocalGovBlog(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddArchiveStore();
        builder.Services.AddScoped<IArticleSearch, SqliteArticleSearch>();
        builder.Services.AddOptions<ImportSettings>().BindConfiguration(ImportSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ArticleImporter>();
        builder.Services.AddScoped<ArchiveInitializer>();
        builder.Services.AddScoped<PassageTagService>();
        builder.Services.AddScoped<CodebookService>();
        builder.Services.AddAnalysis();

        builder.Services.AddAccounts(builder.Environment);
        builder.Services.AddRateLimits(builder.Configuration);
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", AppRoles.Admin);
            options.Conventions.AuthorizeFolder("/Account/Manage");
        });
        builder.Services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        // A TLS-terminating proxy on this machine tells us the scheme and the client's address
        // (only loopback proxies are trusted, so nobody else can forge them past the rate limits).
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto);
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
        builder.Services.AddHealthChecks().AddDbContextCheck<ArchiveDbContext>();
        return builder;
    }

    public static async Task InitializeArchiveAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var importSeeds = app.Configuration.GetValue("Import:SeedOnFirstStart", true);
        await scope.ServiceProvider.GetRequiredService<ArchiveInitializer>().InitializeAsync(importSeeds);
        await scope.ServiceProvider.GetRequiredService<AccountService>().EnsureRolesAsync();
    }

    public static WebApplication UseLocalGovBlog(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
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
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapRazorPages().WithStaticAssets();
        var api = app.MapGroup("/api");
        api.MapArticlesApi();
        api.MapAuthorsApi();
        api.MapAccountsApi();
        api.MapAnnotationsApi();
        api.MapThemesApi();
        api.MapAnalysisApi();
        app.MapThemeStyles();
        app.MapHealthChecks("/health");
        return app;
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
