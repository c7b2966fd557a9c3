using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Export;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalGovBlog.Web.Pages.Import;

/// <summary>Editors bring W3C Web Annotations back in (an export of this site or another tool's) and read what happened.</summary>
[Authorize(Policy = AppRoles.Editor)]
[RequestSizeLimit(AnnotationImporter.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AnnotationImporter.MaxBytes)]
public sealed class AnnotationsModel(AnnotationImporter importer) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public AnnotationImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    // The report is the answer to this POST (as on the dump upload page), so the page shows it directly.
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Report = await UploadedFile.ReadAsync<AnnotationImportReport, AnnotationImportRejectedException>(ModelState, nameof(Upload), Upload,
            "Choose a W3C annotations file (.jsonld or .json) to import.", stream => importer.ImportAsync(stream, User, cancellationToken));
        return Page();
    }
}
