using System.Security.Claims;

namespace LocalGovBlog.Web.Accounts;

public static class AppRoles
{
    /// <summary>Manages accounts and roles, imports dumps, and may do all an editor does.</summary>
    public const string Admin = "admin";

    /// <summary>Renames, merges and describes themes and moderates anyone's tags.</summary>
    public const string Editor = "editor";

    public static readonly IReadOnlyList<string> All = [Admin, Editor];

    /// <summary>The <see cref="Editor"/> policy's rule, for code that decides without a policy check: admins may do all an editor does.</summary>
    public static bool IsEditor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Editor) || user.IsInRole(Admin);
    }
}
