namespace LocalGovBlog.Web.Security;

/// <summary>The <c>RateLimits</c> settings: requests worth abusing, and failed sign-ins before a lockout.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts per client address per minute.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Registrations per client address per hour.</summary>
    public int RegistrationsPerHour { get; set; } = 5;

    /// <summary>State-changing requests per account (or per address when signed out) per minute.</summary>
    public int WritesPerMinute { get; set; } = 60;

    /// <summary>Failed sign-ins for one user name from one client address before that pair is locked out.</summary>
    public int FailedSignInsBeforeLockout { get; set; } = 10;

    /// <summary>How long a locked-out user name and address pair stays locked.</summary>
    public int LockoutMinutes { get; set; } = 15;
}
