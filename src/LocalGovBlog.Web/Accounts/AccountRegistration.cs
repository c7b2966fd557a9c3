using LocalGovBlog.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace LocalGovBlog.Web.Accounts;

public static class AccountRegistration
{
    public const int MinimumPasswordLength = 12;
    public const int MaximumPasswordLength = 128;

    /// <param name="insecureHttp">A lab started with --insecure-http: cookies go over plain HTTP too.</param>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, bool insecureHttp)
    {
        // Outside Development cookies are Secure: a browser sends them only over HTTPS (directly, or
        // through a TLS-terminating proxy that says so in X-Forwarded-Proto).
        var cookiePolicy = environment.IsDevelopment() || insecureHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                // OWASP ASVS 5.0: length and no composition rules. Lockout against guessing is per user name
                // and client address (SignInLockout), so nobody can lock someone else out from afar.
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";
                options.SignIn.RequireConfirmedAccount = false;
                options.SignIn.RequireConfirmedEmail = false;
            })
            .AddEntityFrameworkStores<ArchiveDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator<AppUser>>();

        // Sign-out changes the security stamp; checking it on every request makes a copied
        // cookie worthless the moment its owner signs out, and rebuilds the principal from the
        // store, so role changes and deleted accounts take effect on the next request.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "LocalGovBlog.Session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = cookiePolicy;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/signin";
            options.LogoutPath = "/account/signout";
            options.AccessDeniedPath = "/account/denied";
            // API clients get status codes, not redirects to HTML pages.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddAntiforgery(options =>
        {
            options.HeaderName = "X-CSRF-TOKEN";
            options.Cookie.Name = "LocalGovBlog.Antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = cookiePolicy;
        });

        services.AddDataProtection()
            .SetApplicationName("LocalGovBlog")
            .PersistKeysToDbContext<ArchiveDbContext>()
            .ProtectKeysWithConfiguredCertificate(configuration);

        services.AddAuthorizationBuilder()
            .AddPolicy(AppRoles.Admin, policy => policy.RequireRole(AppRoles.Admin))
            .AddPolicy(AppRoles.Editor, policy => policy.RequireRole(AppRoles.Editor, AppRoles.Admin));

        services.AddScoped<AccountService>();
        services.AddSingleton<SignInLockout>();
        return services;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
