using System.Buffers;
using System.Globalization;
using System.Text;

namespace LocalGovBlog.Web.Text;

/// <summary>
/// Folds text for matching: every Unicode space becomes an ASCII space, runs of spaces collapse,
/// case and diacritics are dropped. Display text keeps its own characters; only comparisons,
/// slugs and search use the folded form.
/// </summary>
public static class TextFolding
{
    // Letters that Unicode does not decompose into a base letter plus a mark.
    private static readonly Dictionary<char, string> Ligatures = new()
    {
        ['ø'] = "o", ['Ø'] = "o", ['æ'] = "ae", ['Æ'] = "ae", ['œ'] = "oe", ['Œ'] = "oe",
        ['ß'] = "ss", ['ł'] = "l", ['Ł'] = "l", ['đ'] = "d", ['Đ'] = "d", ['ð'] = "d", ['Ð'] = "d",
        ['þ'] = "th", ['Þ'] = "th", ['ı'] = "i", ['ħ'] = "h", ['Ħ'] = "h",
    };

    private static readonly SearchValues<char> Apostrophes = SearchValues.Create("'\u2019\u2018\u02BC`\u00B4\uFF07");

    /// <summary>Replaces every Unicode space (NBSP, thin space, …) by ' ', collapses runs, trims.</summary>
    public static string NormalizeSpaces(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Apostrophes in every form a dump or a keyboard produces (' ’ ‘ ʼ ` ´ and the full-width '),
    /// so "O’Brien", "O'Brien" and "O‘Brien" compare alike and "don’t" stays one word.
    /// </summary>
    public static bool IsApostrophe(char c) => Apostrophes.Contains(c);

    /// <summary>The text without its apostrophes: "O‘Brien" → "OBrien".</summary>
    public static string RemoveApostrophes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(Apostrophes) < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!Apostrophes.Contains(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>Lower-case, accent-free, single-spaced form for comparing and searching.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = NormalizeSpaces(text).Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (Ligatures.TryGetValue(c, out var replacement))
            {
                builder.Append(replacement);
                continue;
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
