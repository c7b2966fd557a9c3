namespace LocalGovBlog.Web.Pages.Articles;

/// <summary>A tag's "edited passage" mark as its card shows it: the words it quoted before, whether the viewer may
/// accept the new ones, and the tag's version the accept form sends back.</summary>
public sealed record EditedPassageView(int TagId, string QuoteBefore, bool CanAccept, int Version);
