using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalGovBlog.Web.Pages.Import;

/// <summary>
/// Editors upload a dump and read the import report (including tags kept, moved and orphaned).
/// The file goes to a temp file first: the importer checks and streams a file, as on the command line.
/// </summary>
[Authorize(Policy = AppRoles.Editor)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class UploadModel(ArticleImporter importer) : PageModel
{
    public const int MaxBytes = 50 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Dump { get; set; }

    [BindProperty]
    public bool DryRun { get; set; }

    [BindProperty]
    public bool Strict { get; set; }

    public ImportReport? Report { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    // The report is the answer to this POST; redirecting would mean storing it somewhere, so the page shows it directly.
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Dump is null || Dump.Length == 0)
        {
            Error = "Choose a dump file (.txt) to import.";
            return Page();
        }
        // A folder of its own, so the report can name the file as uploaded without trusting its path.
        var folder = Directory.CreateTempSubdirectory("localgovblog-upload-");
        var name = string.Concat(Path.GetFileName(Dump.FileName).Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'));
        var path = Path.Combine(folder.FullName, string.IsNullOrEmpty(name) ? "upload.txt" : name);
        try
        {
            await using (var file = System.IO.File.Create(path))
            {
                await Dump.CopyToAsync(file, cancellationToken);
            }
            Report = await importer.ImportFileAsync(path, new ImportOptions { DryRun = DryRun, Strict = Strict }, cancellationToken: cancellationToken);
        }
        catch (ImportRejectedException ex)
        {
            Error = ex.Message;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        return Page();
    }
}
