namespace LocalGovBlog.Web.Data;

/// <summary>One code of the codebook: passages are tagged with themes.</summary>
public sealed class Theme
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>"#rrggbb": the theme's hue; highlights use tints of it computed for light and dark pages.</summary>
    public required string Color { get; set; }

    /// <summary>Markdown.</summary>
    public string? Description { get; set; }

    /// <summary>An optional broader theme (one level only).</summary>
    public int? ParentId { get; set; }

    public Theme? Parent { get; set; }

    public string? CreatedById { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<Annotation> Annotations { get; set; } = [];
}
