using System.Text.Json;
using System.Text.Json.Serialization;
using LocalGovBlog.Web.Api;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;
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
        builder.Services.AddScoped<ArticleImporter>();
        builder.Services.AddScoped<ArchiveInitializer>();

        builder.Services.AddRazorPages();
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
    }

    public static WebApplication UseLocalGovBlog(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSerilogRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        // People get friendly pages; API clients get problem details.
        app.UseWhen(context => !IsApi(context.Request.Path), branch => branch.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseWhen(context => IsApi(context.Request.Path), branch => branch.UseStatusCodePages());
        app.MapStaticAssets();
        app.UseRouting();
        app.MapRazorPages().WithStaticAssets();
        var api = app.MapGroup("/api");
        api.MapArticlesApi();
        api.MapAuthorsApi();
        app.MapHealthChecks("/health");
        return app;
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
