using System.ComponentModel.DataAnnotations;
using LocalGovBlog.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalGovBlog.Web.Pages.Account;

public sealed class RegisterModel(AccountService accounts) : PageModel
{
    /// <summary>Where to go afterwards (the article the reader was on); carried between sign-in and registration.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public RegisterForm Form { get; set; } = new();

    public sealed class RegisterForm
    {
        [Required(ErrorMessage = "Choose a user name.")]
        [StringLength(40, MinimumLength = 3, ErrorMessage = "A user name has 3 to 40 characters.")]
        [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "Use letters, digits, dots, hyphens and underscores.")]
        [Display(Name = "User name")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(AccountRegistration.MaximumPasswordLength, MinimumLength = AccountRegistration.MinimumPasswordLength,
            ErrorMessage = "A password has 12 to 128 characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password again")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await accounts.RegisterAsync(Form.UserName, Form.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.Contains("Password", StringComparison.Ordinal) ? $"{nameof(Form)}.{nameof(Form.Password)}"
                    : error.Code.Contains("UserName", StringComparison.Ordinal) ? $"{nameof(Form)}.{nameof(Form.UserName)}" : "";
                ModelState.AddModelError(field, error.Code == "DuplicateUserName" ? "That user name is taken; choose another." : error.Description);
            }
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
