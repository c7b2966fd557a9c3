using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Api;

public static class AuthorsApi
{
    public sealed record AuthorSummary(string Slug, string Name, string? Role, string? Bio, int ArticleCount);

    public static RouteGroupBuilder MapAuthorsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/authors", async (ArchiveDbContext db, string? q, CancellationToken cancellationToken) =>
            TypedResults.Ok(await db.Authors.AsNoTracking()
                .MatchingName(q)
                .OrderBy(a => a.SearchName)
                .Take(200)
                .Select(a => new AuthorSummary(a.Slug, a.Name, a.Role, a.Bio, a.Articles.Count))
                .ToListAsync(cancellationToken)))
            .WithSummary("Authors whose names contain the words of q (case, accents and honorifics ignored)");
        return api;
    }
}
