namespace LocalGovBlog.Web.Import;

/// <summary>
/// A line that says it is about a picture: "[Image: https://…/car.jpg]", "Picture source: …", "Photo: …",
/// "Image credit Anytown Council", "© Jo Bloggs", or a bare image address. Only asked of the lines
/// around a title and byline, where a listing page puts its featured image.
/// </summary>
internal static class CaptionLine
{
    private const int MaxLength = 300;

    private static readonly string[] PictureWords =
    [
        "image", "images", "photo", "photos", "photograph", "photography", "picture", "pic", "caption", "credit",
        "credits", "illustration", "graphic", "featured image", "header image", "cover image", "alt text", "alt",
        "source", "picture source", "image source", "photo source",
    ];

    private static readonly string[] Joiners = ["by ", "via ", "courtesy", "credit", "source", "from ", "of "];

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif"];

    public static bool IsExplicit(string trimmed)
    {
        if (trimmed.Length is 0 or > MaxLength)
        {
            return false;
        }
        if (trimmed[0] == '[' && trimmed[^1] == ']')
        {
            // "[Image: …]", "[caption id=…]…[/caption]" (a blog's shortcode), "[Photo credit: …]"
            var inside = trimmed[1..].TrimStart();
            return StartsWithPictureWord(inside) || PictureWords.Any(word =>
                inside.StartsWith(word, StringComparison.OrdinalIgnoreCase) && inside.Length > word.Length && inside[word.Length] is ' ' or ']' or '=');
        }
        if (trimmed[0] == '©' || trimmed.StartsWith("(c) ", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (IsImageAddress(trimmed))
        {
            return true;
        }
        return StartsWithPictureWord(trimmed);
    }

    /// <summary>A picture word followed by a colon, a dash, "by", "via", "courtesy", "credit", "source" or "©".</summary>
    private static bool StartsWithPictureWord(ReadOnlySpan<char> text)
    {
        foreach (var word in PictureWords)
        {
            if (!text.StartsWith(word, StringComparison.OrdinalIgnoreCase) || text.Length == word.Length)
            {
                continue;
            }
            var rest = text[word.Length..];
            if (char.IsLetter(rest[0]))
            {
                continue; // "Pictures of the town", "Images" is fine but "Imagine" is not
            }
            rest = rest.TrimStart();
            if (rest.Length == 0)
            {
                continue;
            }
            if (rest[0] is ':' or '–' or '—' or '-' or '©' or '|')
            {
                return true;
            }
            foreach (var joiner in Joiners)
            {
                if (rest.StartsWith(joiner, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            // "Image credit Anytown City Council": the credit word itself is enough after "image".
        }
        return false;
    }

    private static bool IsImageAddress(string trimmed)
    {
        if (!(trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            || trimmed.Any(LineShape.IsSpace))
        {
            return false;
        }
        var path = trimmed.Split('?', '#')[0];
        return ImageExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
    }
}
