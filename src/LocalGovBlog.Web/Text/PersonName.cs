namespace LocalGovBlog.Web.Text;

/// <summary>
/// A person's name as the archive identifies it: honorifics are titles, not part of the name,
/// and neither case, accents nor spacing make two people of one.
/// </summary>
public static class PersonName
{
    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
    {
        "Dr", "Doctor", "Professor", "Prof", "Cllr", "Councillor", "Sir", "Dame", "Lord", "Lady",
        "Baroness", "Baron", "Mr", "Mrs", "Ms", "Miss", "Mx", "Rev", "Revd", "Reverend", "Rt", "Hon",
        "Emeritus",
    };

    public static bool IsHonorific(string word) =>
        Honorifics.Contains(word.TrimEnd('.'));

    /// <summary>Splits leading honorifics ("Professor Dr") from the name that follows them.</summary>
    public static (string? Honorific, string Name) SplitHonorific(string text)
    {
        var words = TextFolding.NormalizeSpaces(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var taken = 0;
        // Keep at least one word of name: "Lord" alone is a name, not an empty title.
        while (taken < words.Length - 1 && IsHonorific(words[taken]))
        {
            taken++;
        }
        var honorific = taken == 0 ? null : string.Join(' ', words[..taken]);
        return (honorific, string.Join(' ', words[taken..]));
    }

    /// <summary>The display name without honorifics, spaces normalised: "Professor Catherine\u00A0Staite" → "Catherine Staite".</summary>
    public static string DisplayName(string text) => SplitHonorific(text).Name;

    /// <summary>The identity of a person: folded, honorific-free, hyphens and dots treated as spaces.</summary>
    public static string Key(string text) =>
        SearchForm(DisplayName(text));

    /// <summary>The folded form that author search matches against: "Zoë Müller-Ørsted" → "zoe muller orsted".</summary>
    public static string SearchForm(string text)
    {
        // Apostrophes vanish, whichever mark was typed ("O’Brien", "O‘Brien" are "obrien"); other
        // punctuation separates words.
        var folded = TextFolding.Fold(TextFolding.RemoveApostrophes(text));
        var chars = folded
            .Select(c => char.IsLetterOrDigit(c) ? c : ' ')
            .ToArray();
        return TextFolding.NormalizeSpaces(new string(chars));
    }

    /// <summary>Search terms typed by a reader, folded and with honorifics removed.</summary>
    public static IReadOnlyList<string> QueryTerms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }
        return SearchForm(query)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(term => !IsHonorific(term))
            .Distinct(StringComparer.Ordinal)
            .Take(8)
            .ToArray();
    }
}
