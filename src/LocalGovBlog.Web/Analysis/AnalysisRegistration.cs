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
        services.ConfigureDbContext<ArchiveDbContext>((provider, options) =>
            options.AddInterceptors(provider.GetRequiredService<AnalysisChangeInterceptor>()));
        return services;
    }
}
