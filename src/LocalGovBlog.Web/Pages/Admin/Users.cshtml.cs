using System.Security.Claims;
using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages.Admin;

/// <summary>Admins grant and remove the editor and admin roles. The folder is admin-only.</summary>
public sealed class UsersModel(ArchiveDbContext db, AccountService accounts) : PageModel
{
    public sealed record UserRow(string Id, string UserName, DateTime RegisteredAtUtc, bool IsAdmin, bool IsEditor);

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var roleNames = db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name });
        Users = await db.Users.AsNoTracking()
            .OrderBy(u => u.RegisteredAtUtc)
            .Select(u => new UserRow(u.Id, u.UserName!, u.RegisteredAtUtc,
                roleNames.Any(r => r.UserId == u.Id && r.Name == AppRoles.Admin),
                roleNames.Any(r => r.UserId == u.Id && r.Name == AppRoles.Editor)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRoleAsync(string userId, string role, bool grant)
    {
        var result = await accounts.SetRoleAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, userId, role, grant);
        Message = result.Succeeded ? "Roles updated." : result.Errors.First().Description;
        return RedirectToPage();
    }
}
