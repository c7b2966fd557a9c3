using Microsoft.AspNetCore.Identity;

namespace LocalGovBlog.Web.Data;

/// <summary>A person with an account: readers need none; tagging passages needs one.</summary>
public sealed class AppUser : IdentityUser
{
    public DateTime RegisteredAtUtc { get; set; }
}
