using System.ComponentModel.DataAnnotations;
using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalGovBlog.Web.Pages.Account.Manage;

public sealed class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountService accounts) : PageModel
{
    [BindProperty]
    public PasswordForm Password { get; set; } = new();

    [BindProperty]
    public DeleteForm Delete { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public IList<string> Roles { get; private set; } = [];

    public sealed class PasswordForm
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Choose a new password.")]
        [StringLength(AccountRegistration.MaximumPasswordLength, MinimumLength = AccountRegistration.MinimumPasswordLength,
            ErrorMessage = "A password has 12 to 128 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string New { get; set; } = "";
    }

    public sealed class DeleteForm
    {
        [Required(ErrorMessage = "Enter your password to confirm.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
    }

    public async Task OnGetAsync() => Roles = await users.GetRolesAsync(await CurrentUserAsync());

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        var user = await CurrentUserAsync();
        ModelState.Clear(); // the page's other form was bound empty; only this one counts
        if (!TryValidateModel(Password, nameof(Password)))
        {
            return await RedisplayAsync(user);
        }
        var result = await users.ChangePasswordAsync(user, Password.Current, Password.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Password.Current" : "Password.New",
                    error.Code == "PasswordMismatch" ? "The current password is not right." : error.Description);
            }
            return await RedisplayAsync(user);
        }
        await signIn.RefreshSignInAsync(user);
        Message = "Your password is changed. Other devices have been signed out.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var user = await CurrentUserAsync();
        ModelState.Clear(); // the page's other form was bound empty; only this one counts
        if (!TryValidateModel(Delete, nameof(Delete)))
        {
            return await RedisplayAsync(user);
        }
        var result = await accounts.DeleteAsync(user, Delete.Password);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("Delete.Password", result.Errors.First().Description);
            return await RedisplayAsync(user);
        }
        return RedirectToPage("/Index");
    }

    private async Task<AppUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The page requires a signed-in user.");

    private async Task<PageResult> RedisplayAsync(AppUser user)
    {
        Roles = await users.GetRolesAsync(user);
        return Page();
    }
}
