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
        Result = await UploadedFile.ReadAsync<CodebookImport, CodebookRejectedException>(ModelState, nameof(Upload), Upload,
            "Choose a REFI-QDA codebook file (.qdc) to import.",
            async stream => await codebook.ImportAsync(await QdcCodebookReader.ReadAsync(stream, cancellationToken), User, cancellationToken));
        // The import's one refusal is a signed-in person who is not an editor (the role taken away since the page was opened):
        // answered as the page's own editor policy answers, with the access-denied page.
        return Result?.Problem is null ? Page() : Forbid();
    }
}
