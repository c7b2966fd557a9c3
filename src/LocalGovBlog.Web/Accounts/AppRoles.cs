namespace LocalGovBlog.Web.Accounts;

public static class AppRoles
{
    /// <summary>Manages accounts and roles, imports dumps, and may do all an editor does.</summary>
    public const string Admin = "admin";

    /// <summary>Renames, merges and describes themes and moderates anyone's tags.</summary>
    public const string Editor = "editor";

    public static readonly IReadOnlyList<string> All = [Admin, Editor];
}
