using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Analysis;

public static class AnalysisRegistration
{
    /// <summary>The analysis services, and the interceptor that tells the snapshot when the coding changed.</summary>
    public static IServiceCollection AddAnalysis(this IServiceCollection services)
    {
        services.AddSingleton<AnalysisVersion>();
        services.AddSingleton<AnalysisChangeInterceptor>();
        services.AddSingleton<AnalysisStore>();
        services.AddHostedService<AnalysisWarmUp>();
        services.AddScoped<AnalysisService>();
        services.AddScoped<AgreementService>();
        services.AddScoped<ThemeSuggestions>();
        // Both stores' contexts: on PostgreSQL the archive is a PostgreSqlArchiveDbContext, with options of its own.
        services.ConfigureDbContext<ArchiveDbContext>((provider, options) =>
            options.AddInterceptors(provider.GetRequiredService<AnalysisChangeInterceptor>()));
        services.ConfigureDbContext<PostgreSqlArchiveDbContext>((provider, options) =>
            options.AddInterceptors(provider.GetRequiredService<AnalysisChangeInterceptor>()));
        return services;
    }
}
