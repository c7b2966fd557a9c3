using System.Security.Claims;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Api;

public static class ThemesApi
{
    public sealed record ThemeSummary(string Slug, string Name, string Color, string? Description, int PassageCount);

    public sealed record ThemeInput(string? Name, string? Color, string? Description);

    public static RouteGroupBuilder MapThemesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/themes", ListAsync);
        api.MapPost("/themes", CreateAsync).RequireAuthorization().RequireAntiforgeryHeader();
        return api;
    }

    /// <summary>
    /// Theme colours as CSS custom properties: the strict CSP forbids style attributes, so
    /// highlights and chips get their colours from classes in this generated stylesheet.
    /// </summary>
    public static IEndpointRouteBuilder MapThemeStyles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/css/themes.css", async (ArchiveDbContext db, HttpContext http, CancellationToken cancellationToken) =>
        {
            var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Slug, t.Color }).ToListAsync(cancellationToken);
            var css = new System.Text.StringBuilder("/* Generated from the codebook. */\n");
            foreach (var theme in themes.Where(t => ThemePalette.IsColor(t.Color) && t.Slug.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            {
                css.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $".hl--t-{theme.Slug} {{ --theme: {theme.Color}; --hl-light: {ThemePalette.LightHighlight(theme.Color)}; --hl-dark: {ThemePalette.DarkHighlight(theme.Color)}; }}\n");
            }
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Text(css.ToString(), "text/css; charset=utf-8");
        });
        return app;
    }

    /// <summary>The codebook with the number of public, anchored passages tagged with each theme.</summary>
    public static Task<List<ThemeSummary>> CodebookAsync(ArchiveDbContext db, CancellationToken cancellationToken) =>
        db.Themes.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new ThemeSummary(t.Slug, t.Name, t.Color, t.Description, t.Annotations.Count(a => a.IsPublic && !a.IsOrphan)))
            .ToListAsync(cancellationToken);

    private static async Task<Ok<List<ThemeSummary>>> ListAsync(ArchiveDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CodebookAsync(db, cancellationToken));

    private static async Task<Results<Created<ThemeSummary>, ProblemHttpResult>> CreateAsync(
        ThemeInput input, ThemeCreator creator, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await creator.CreateAsync(input?.Name, input?.Color, input?.Description, user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        if (result.Theme is not { } theme)
        {
            return TypedResults.Problem(detail: result.Problem, statusCode: result.Status, title: "Theme not created");
        }
        var summary = new ThemeSummary(theme.Slug, theme.Name, theme.Color, theme.Description, 0);
        return TypedResults.Created($"/themes/{theme.Slug}", summary);
    }
}
