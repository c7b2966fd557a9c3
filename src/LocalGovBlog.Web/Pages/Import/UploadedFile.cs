using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LocalGovBlog.Web.Pages.Import;

/// <summary>
/// The file-import pages' shared door: a missing or empty upload, or a file the reader rejects (<typeparamref name="TRejected"/>),
/// becomes an error on the upload field, so the page shows the form again with the reason.
/// </summary>
public static class UploadedFile
{
    /// <returns>What <paramref name="read"/> made of the file, or null when the page should show an error instead.</returns>
    public static async Task<T?> ReadAsync<T, TRejected>(
        ModelStateDictionary modelState, string field, IFormFile? upload, string whenMissing, Func<Stream, Task<T>> read)
        where T : class
        where TRejected : Exception
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(read);
        if (upload is null || upload.Length == 0)
        {
            modelState.AddModelError(field, whenMissing);
            return null;
        }
        try
        {
            await using var stream = upload.OpenReadStream();
            return await read(stream);
        }
        catch (TRejected ex)
        {
            modelState.AddModelError(field, ex.Message);
            return null;
        }
    }
}
