using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Export;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalGovBlog.Web.Pages.Import;

/// <summary>Editors start from the codebook a team already uses elsewhere: a REFI-QDA .qdc file.</summary>
[Authorize(Policy = AppRoles.Editor)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class CodebookModel(CodebookService codebook) : PageModel
{
    public const int MaxBytes = 5 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public CodebookImport? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a REFI-QDA codebook file (.qdc) to import.");
            return Page();
        }
        try
        {
            await using var stream = Upload.OpenReadStream();
            var codes = await QdcCodebookReader.ReadAsync(stream, cancellationToken);
            Result = await codebook.ImportAsync(codes, User, cancellationToken);
            if (Result.Problem is not null)
            {
                return StatusCode(Result.Status);
            }
        }
        catch (CodebookRejectedException ex)
        {
            ModelState.AddModelError(nameof(Upload), ex.Message);
        }
        return Page();
    }
}
