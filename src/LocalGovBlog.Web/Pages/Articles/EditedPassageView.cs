namespace LocalGovBlog.Web.Pages.Articles;

/// <summary>A tag's "edited passage" mark as its card shows it: the words it quoted before, and whether the viewer may accept the new ones.</summary>
public sealed record EditedPassageView(int TagId, string QuoteBefore, bool CanAccept);
