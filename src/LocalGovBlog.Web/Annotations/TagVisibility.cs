using LocalGovBlog.Web.Data;

namespace LocalGovBlog.Web.Annotations;

/// <summary>
/// Which tags a person may see, for every door that shows or exports them: every public tag, and
/// their own private ones. An anonymous viewer (null) sees only public tags. Deleted tags are
/// already gone (the query filter on <see cref="Annotation.DeletedAtUtc"/>).
/// </summary>
public static class TagVisibility
{
    public static IQueryable<Annotation> VisibleTo(this IQueryable<Annotation> annotations, string? viewerId) =>
        annotations.Where(a => a.IsPublic || (viewerId != null && a.OwnerId == viewerId));
}
