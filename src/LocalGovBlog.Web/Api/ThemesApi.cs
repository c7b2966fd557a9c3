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
