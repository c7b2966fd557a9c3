using LocalGovBlog.Web.Data;

namespace LocalGovBlog.Web.Annotations;

/// <summary>
/// The "edited passage" mark a re-import puts on a tag whose words it changed
/// (<see cref="Annotation.QuoteBeforeEdit"/>). Accepting the new words clears it; the API and the
/// article page both accept through here, after checking that the viewer may change the tag.
/// </summary>
public static class EditedPassageMark
{
    public static async Task AcceptAsync(ArchiveDbContext db, Annotation tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tag);
        if (tag.QuoteBeforeEdit is null)
        {
            return; // nothing to accept: accepting twice is harmless
        }
        tag.QuoteBeforeEdit = null;
        await db.SaveChangesAsync(cancellationToken);
    }
}
