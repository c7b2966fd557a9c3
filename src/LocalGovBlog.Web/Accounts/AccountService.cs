using LocalGovBlog.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Accounts;

/// <summary>
/// The account rules that pages and API share: the first account is the admin, sign-out ends
/// every copy of the session, and the archive always keeps at least one admin.
/// </summary>
public sealed partial class AccountService(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    SignInManager<AppUser> signIn,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    public async Task<IdentityResult> RegisterAsync(string userName, string password)
    {
        var user = new AppUser { UserName = userName.Trim(), RegisteredAtUtc = clock.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return result;
        }
        LogRegistered(user.Id, user.UserName);
        if (await IsFirstAccountAsync(user))
        {
            await EnsureRolesAsync();
            await users.AddToRoleAsync(user, AppRoles.Admin);
            LogFirstAdmin(user.Id);
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return result;
    }

    /// <summary>The earliest registered account (ties broken by id) is the first, however registrations race.</summary>
    private async Task<bool> IsFirstAccountAsync(AppUser user)
    {
        var first = await users.Users
            .OrderBy(u => u.RegisteredAtUtc).ThenBy(u => u.Id)
            .Select(u => u.Id)
            .FirstAsync();
        return first == user.Id && (await users.GetUsersInRoleAsync(AppRoles.Admin)).Count == 0;
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Signs out and changes the security stamp, so a copied session cookie stops working too.</summary>
    public async Task SignOutAsync(System.Security.Claims.ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
            LogSignedOut(user.Id);
        }
        await signIn.SignOutAsync();
    }

    public async Task<IdentityResult> DeleteAsync(AppUser user, string password)
    {
        if (!await users.CheckPasswordAsync(user, password))
        {
            return IdentityResult.Failed(new IdentityError { Code = "PasswordMismatch", Description = "The password is not right." });
        }
        if (await IsLastAdminAsync(user))
        {
            return IdentityResult.Failed(new IdentityError { Code = "LastAdmin", Description = "You are the only admin: make someone else an admin before deleting your account." });
        }
        await signIn.SignOutAsync();
        var result = await users.DeleteAsync(user);
        if (result.Succeeded)
        {
            LogDeleted(user.Id);
        }
        return result;
    }

    public async Task<IdentityResult> SetRoleAsync(string actingUserId, string userId, string role, bool granted)
    {
        if (!AppRoles.All.Contains(role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownRole", Description = $"There is no role '{role}'." });
        }
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownUser", Description = "There is no such account." });
        }
        await EnsureRolesAsync();
        var has = await users.IsInRoleAsync(user, role);
        if (has == granted)
        {
            return IdentityResult.Success;
        }
        if (!granted && role == AppRoles.Admin && await IsLastAdminAsync(user))
        {
            return IdentityResult.Failed(new IdentityError { Code = "LastAdmin", Description = "The archive needs at least one admin." });
        }
        var result = granted ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
        if (result.Succeeded)
        {
            // No stamp change: the principal is rebuilt from the store on every request, so the
            // new roles apply at once without signing the person out.
            LogRoleChanged(actingUserId, user.Id, role, granted);
        }
        return result;
    }

    private async Task<bool> IsLastAdminAsync(AppUser user) =>
        await users.IsInRoleAsync(user, AppRoles.Admin) && (await users.GetUsersInRoleAsync(AppRoles.Admin)).Count == 1;

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} registered as {UserName}")]
    private partial void LogRegistered(string userId, string userName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} is the first account and was made admin")]
    private partial void LogFirstAdmin(string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} signed out; its sessions are ended")]
    private partial void LogSignedOut(string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} was deleted by its owner")]
    private partial void LogDeleted(string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {ActingUserId} set role {Role} = {Granted} on account {UserId}")]
    private partial void LogRoleChanged(string actingUserId, string userId, string role, bool granted);
}
