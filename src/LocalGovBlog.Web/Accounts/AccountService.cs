using System.Data;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace LocalGovBlog.Web.Accounts;

/// <summary>
/// The account rules that pages, API and command line share: the first account is the admin, sign-out
/// ends every copy of the session, and the archive always keeps at least one admin.
/// </summary>
/// <remarks>
/// A change that depends on counting admins runs in one transaction that counts and changes. SQLite
/// begins it with BEGIN IMMEDIATE, so two admins removing each other at the same moment are served one
/// after the other and the second sees that only one admin is left. PostgreSQL, where several instances may
/// serve one database, serialises them with a transaction-level advisory lock instead (read committed, so the
/// second sees what the first committed once it holds the lock); the first-account rule takes the same lock.
/// </remarks>
public sealed partial class AccountService(
    ArchiveDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    SignInManager<AppUser> signIn,
    IArticleSearch search,
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
        await EnsureRolesAsync();
        await using (var transaction = await BeginAdminChangeAsync())
        {
            if (await IsFirstAccountAsync(user))
            {
                await users.AddToRoleAsync(user, AppRoles.Admin);
                await transaction.CommitAsync();
                LogFirstAdmin(user.Id);
            }
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

    /// <summary>Creates the roles that are missing; instances starting together on one database take turns, so each role is made once.</summary>
    public async Task EnsureRolesAsync()
    {
        if (await AllRolesExistAsync())
        {
            return;
        }
        await using var transaction = await BeginAdminChangeAsync();
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        await transaction.CommitAsync();
    }

    private async Task<bool> AllRolesExistAsync()
    {
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                return false;
            }
        }
        return true;
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

    /// <summary>Deletes the account and, with it, its passage tags; their notes leave the search index in the same transaction.</summary>
    public async Task<IdentityResult> DeleteAsync(AppUser user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await users.CheckPasswordAsync(user, password))
        {
            return IdentityResult.Failed(new IdentityError { Code = "PasswordMismatch", Description = "The password is not right." });
        }
        await using (var transaction = await BeginAdminChangeAsync())
        {
            if (await IsLastAdminAsync(user))
            {
                return IdentityResult.Failed(new IdentityError { Code = "LastAdmin", Description = "You are the only admin: make someone else an admin before deleting your account." });
            }
            var tagged = await db.Annotations.Where(a => a.OwnerId == user.Id).Select(a => a.ArticleId).Distinct().ToListAsync();
            var result = await users.DeleteAsync(user); // the store cascades the account's tags away
            if (!result.Succeeded)
            {
                return result;
            }
            await search.IndexAsync(tagged, CancellationToken.None);
            await transaction.CommitAsync();
        }
        await signIn.SignOutAsync();
        LogDeleted(user.Id);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> SetRoleAsync(string actingUserId, string userId, string role, bool granted)
    {
        if (!AppRoles.All.Contains(role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownRole", Description = $"There is no role '{role}'." });
        }
        await EnsureRolesAsync();
        await using var transaction = await BeginAdminChangeAsync();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownUser", Description = "There is no such account." });
        }
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
            await transaction.CommitAsync();
            // No stamp change: the principal is rebuilt from the store on every request, so the
            // new roles apply at once without signing the person out.
            LogRoleChanged(actingUserId, user.Id, role, granted);
        }
        return result;
    }

    /// <summary>
    /// <c>grant-admin USERNAME</c>: the way back when no admin can sign in (the last one forgot their
    /// password or left). Whoever can run the program against the store is trusted with it.
    /// </summary>
    public async Task<IdentityResult> GrantAdminFromCommandLineAsync(string userName)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = "UnknownUser",
                Description = $"There is no account called '{userName}'. Register it at /account/register first, then run this again.",
            });
        }
        await EnsureRolesAsync();
        if (!await users.IsInRoleAsync(user, AppRoles.Admin))
        {
            var result = await users.AddToRoleAsync(user, AppRoles.Admin);
            if (!result.Succeeded)
            {
                return result;
            }
        }
        LogRoleChanged("command line", user.Id, AppRoles.Admin, true);
        return IdentityResult.Success;
    }

    /// <summary>A transaction in which admins are counted and changed, one such transaction at a time.</summary>
    private async Task<IDbContextTransaction> BeginAdminChangeAsync()
    {
        if (!db.Database.IsNpgsql())
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
        }
        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        await PostgreSqlStore.LockForTransactionAsync(db, PostgreSqlStore.AdminRolesLock, CancellationToken.None);
        return transaction;
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
