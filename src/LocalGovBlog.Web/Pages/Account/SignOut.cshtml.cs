using LocalGovBlog.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalGovBlog.Web.Pages.Account;

/// <summary>Signing out changes state, so it is a POST; the GET only offers the button.</summary>
[AllowAnonymous]
public sealed class SignOutModel(AccountService accounts) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await accounts.SignOutAsync(User);
        return RedirectToPage("/Index");
    }
}
