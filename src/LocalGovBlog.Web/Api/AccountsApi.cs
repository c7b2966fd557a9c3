using System.Security.Claims;
using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Api;

public static class AccountsApi
{
    public sealed record AntiforgeryToken(string HeaderName, string Token);

    public sealed record CurrentUser(string Id, string UserName, IReadOnlyList<string> Roles);

    public sealed record UserSummary(string Id, string UserName, DateTime RegisteredAtUtc, IReadOnlyList<string> Roles);

    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return TypedResults.Ok(new AntiforgeryToken(tokens.HeaderName!, tokens.RequestToken!));
        }).WithSummary("The antiforgery token that state-changing calls carry in the X-CSRF-TOKEN header");

        api.MapGet("/me", async (ClaimsPrincipal principal, UserManager<AppUser> users) =>
        {
            var user = await users.GetUserAsync(principal);
            return user is null
                ? Results.Unauthorized()
                : TypedResults.Ok(new CurrentUser(user.Id, user.UserName!, [.. await users.GetRolesAsync(user)]));
        }).RequireAuthorization().WithSummary("Who is signed in: id, user name and roles");

        var admin = api.MapGroup("/admin/users").RequireAuthorization(AppRoles.Admin).RequireAntiforgeryHeader();
        admin.MapGet("/", ListUsersAsync).WithSummary("Every account with its roles (admins)");
        admin.MapPut("/{id}/roles/{role}", (string id, string role, ClaimsPrincipal principal, AccountService accounts) =>
            SetRoleAsync(id, role, granted: true, principal, accounts)).WithSummary("Grant a role (editor or admin) to an account (admins)");
        admin.MapDelete("/{id}/roles/{role}", (string id, string role, ClaimsPrincipal principal, AccountService accounts) =>
            SetRoleAsync(id, role, granted: false, principal, accounts)).WithSummary("Remove a role from an account (admins; never the last admin)");
        return api;
    }

    private static async Task<Ok<List<UserSummary>>> ListUsersAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.RegisteredAtUtc)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.RegisteredAtUtc,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(users.Select(u => new UserSummary(u.Id, u.UserName!, u.RegisteredAtUtc, u.Roles)).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetRoleAsync(string id, string role, bool granted, ClaimsPrincipal principal, AccountService accounts)
    {
        var result = await accounts.SetRoleAsync(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, id, role, granted);
        if (result.Succeeded)
        {
            return TypedResults.NoContent();
        }
        var error = result.Errors.First();
        var status = error.Code switch
        {
            "UnknownUser" => StatusCodes.Status404NotFound,
            "LastAdmin" => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(title: "Role not changed", detail: error.Description, statusCode: status);
    }
}
