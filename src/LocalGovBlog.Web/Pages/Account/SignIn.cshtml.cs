using System.ComponentModel.DataAnnotations;
using LocalGovBlog.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalGovBlog.Web.Pages.Account;

public sealed partial class SignInModel(SignInManager<AppUser> signIn, ILogger<SignInModel> logger) : PageModel
{
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
        var result = await signIn.PasswordSignInAsync(Form.UserName.Trim(), Form.Password, Form.Remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LogSignedIn(Form.UserName);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.IsLockedOut)
        {
            LogLockedOut(Form.UserName);
            ModelState.AddModelError("", "Too many failed attempts: this account is locked for 15 minutes.");
            return Page();
        }
        LogFailed(Form.UserName);
        // The same words whether the user exists or not, so the form does not reveal accounts.
        ModelState.AddModelError("", "That user name and password do not match an account.");
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{UserName} signed in")]
    private partial void LogSignedIn(string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for {UserName}")]
    private partial void LogFailed(string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: {UserName} is locked out")]
    private partial void LogLockedOut(string userName);
}
