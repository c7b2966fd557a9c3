using LocalGovBlog.Web.Accounts;
using System.Security.Claims;

namespace LocalGovBlog.Web.Pages.Articles;

/// <summary>The no-script way to tag: a whole paragraph (by its position in the body), themes and a note.</summary>
public sealed class ParagraphTagForm
{
    public int Block { get; set; }

    public List<string> Themes { get; set; } = [];

    public string? Note { get; set; }

    public bool IsPublic { get; set; } = true;
}

public static class TagPermissions
{
    /// <summary>Only the person who made a tag, or an editor (or admin), changes or deletes it.</summary>
    public static bool CanEdit(ClaimsPrincipal user, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier) == ownerId || user.IsInRole(AppRoles.Editor) || user.IsInRole(AppRoles.Admin);
    }
}
