using System.Text;
using System.Text.RegularExpressions;

namespace LocalGovBlog.Web.Text;

/// <summary>URL slugs: folded to ASCII letters and digits joined by single hyphens.</summary>
public static partial class Slug
{
    public const int MaxLength = 96;

    public static string From(string text)
    {
        // "don’t" is "dont", not "don-t": an apostrophe joins a word, it does not end one.
        var folded = TextFolding.Fold(TextFolding.RemoveApostrophes(text));
        var ascii = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            ascii.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        }
        var slug = Hyphens().Replace(ascii.ToString(), "-").Trim('-');
        if (slug.Length > MaxLength)
        {
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = slug[..(cut > MaxLength / 2 ? cut : MaxLength)].TrimEnd('-');
        }
        return slug.Length == 0 ? "untitled" : slug;
    }

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();
}
