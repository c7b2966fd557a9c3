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
        api.MapGet("/themes", ListAsync).WithSummary("The codebook: every theme with its colour, description and passage count");
        api.MapGet("/themes/similar", SimilarAsync).WithSummary("Themes whose names are a few edits from name: \"Did you mean …?\"");
        api.MapPost("/themes", CreateAsync).RequireAuthorization().RequireAntiforgeryHeader().WithSummary("Add a theme to the codebook (names are compared folded; 409 on a clash)");
        api.MapDelete("/themes/{slug}", DeleteAsync).RequireAuthorization().RequireAntiforgeryHeader().WithSummary("Delete an unused theme (editors, or its creator within a minute)");
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
            var css = new System.Text.StringBuilder("/* Generated from the codebook: each theme's tints, its lightness level taken in turn by its place. */\n");
            var position = 0;
            foreach (var theme in themes)
            {
                var level = position++;
                if (!ThemePalette.IsColor(theme.Color) || !theme.Slug.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                {
                    continue;
                }
                var (light, dark) = (ThemePalette.LightHighlight(theme.Color, level), ThemePalette.DarkHighlight(theme.Color, level));
                var (lightStripe, darkStripe) = (ThemePalette.LightStripe(theme.Color), ThemePalette.DarkStripe(theme.Color));
                css.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $".hl--t-{theme.Slug} {{ --theme: {theme.Color}; --hl-light: {light}; --hl-dark: {dark}; --stripe-light: {lightStripe}; --stripe-dark: {darkStripe}; }}\n");
                // A passage with several themes shows the second and third as stripes under the first's tint.
                css.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $".hl--s2-{theme.Slug} {{ --s2-light: {lightStripe}; --s2-dark: {darkStripe}; }}\n.hl--s3-{theme.Slug} {{ --s3-light: {lightStripe}; --s3-dark: {darkStripe}; }}\n");
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
        ThemeInput input, CodebookService codebook, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await codebook.CreateAsync(new ThemeDraft(input?.Name, input?.Color, input?.Description), user, cancellationToken);
        if (result.Theme is not { } theme)
        {
            return TypedResults.Problem(detail: result.Problem, statusCode: result.Status, title: "Theme not created");
        }
        var summary = new ThemeSummary(theme.Slug, theme.Name, theme.Color, theme.Description, 0);
        return TypedResults.Created($"/themes/{theme.Slug}", summary);
    }

    /// <summary>Codebook themes whose folded names are a few edits from <paramref name="name"/>, closest first: "Did you mean …?".</summary>
    private static async Task<Ok<List<ThemeSummary>>> SimilarAsync(string? name, CodebookService codebook, CancellationToken cancellationToken) =>
        TypedResults.Ok((await codebook.SimilarAsync(name, cancellationToken))
            .Select(t => new ThemeSummary(t.Slug, t.Name, t.Color, t.Description, 0)).ToList());

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string slug, CodebookService codebook, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await codebook.DeleteAsync(slug, user, cancellationToken);
        return result.Theme is null
            ? TypedResults.Problem(detail: result.Problem, statusCode: result.Status, title: "Theme not deleted")
            : TypedResults.NoContent();
    }
}
