namespace LocalGovBlog.Web.Pages.Articles;

/// <summary>The no-script way to tag: a whole paragraph (by its position in the body), themes and a note.</summary>
public sealed class ParagraphTagForm
{
    public int Block { get; set; }

    public List<string> Themes { get; set; } = [];

    public string? Note { get; set; }

    public bool IsPublic { get; set; } = true;
}
