using System.ComponentModel.DataAnnotations;
using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalGovBlog.Web.Pages.Account;

public sealed partial class SignInModel(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInLockout lockout, ILogger<SignInModel> logger) : PageModel
{
    /// <summary>Checked against a password when the name has no account, so both answers take as long.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    /// <summary>Where to go afterwards (the article the reader was on); carried between sign-in and registration.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public SignInForm Form { get; set; } = new();

    public sealed class SignInForm
    {
        [Required(ErrorMessage = "Enter your user name.")]
        [StringLength(40)]
        [Display(Name = "User name")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(Accounts.AccountRegistration.MaximumPasswordLength)]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool Remember { get; set; }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var userName = Form.UserName.Trim();
        var client = HttpContext.Connection.RemoteIpAddress;
        // Every answer below is the same whether the name has an account or not.
        if (lockout.IsLockedOut(userName, client))
        {
            LogLockedOut(userName);
            return LockedOut();
        }
        var user = await users.FindByNameAsync(userName);
        if (user is not null && (await signIn.PasswordSignInAsync(user, Form.Password, Form.Remember, lockoutOnFailure: false)).Succeeded)
        {
            lockout.Reset(userName, client);
            LogSignedIn(userName);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DecoyHash.Value, Form.Password);
        }
        LogFailed(userName);
        if (lockout.RecordFailure(userName, client))
        {
            LogLockedOut(userName);
            return LockedOut();
        }
        ModelState.AddModelError("", "That user name and password do not match an account.");
        return Page();
    }

    private PageResult LockedOut()
    {
        ModelState.AddModelError("", $"Too many failed sign-ins with that user name from your address: try again in {lockout.Minutes} minutes.");
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{UserName} signed in")]
    private partial void LogSignedIn(string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for {UserName}")]
    private partial void LogFailed(string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: {UserName} is locked out for this client address")]
    private partial void LogLockedOut(string userName);
}
