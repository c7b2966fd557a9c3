using System.ComponentModel.DataAnnotations;

namespace LocalGovBlog.Web.Import;

/// <summary>The importer's settings, from the "Import" section of configuration.</summary>
public sealed class ImportSettings
{
    public const string Section = "Import";

    /// <summary>Who a post with no byline (a notice, a call for papers) is by: the blog itself.</summary>
    [Required(AllowEmptyStrings = false)]
    [MaxLength(200)]
    public string HouseAuthor { get; set; } = DumpParser.DefaultHouseAuthor;
}
