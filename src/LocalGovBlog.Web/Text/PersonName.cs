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
        // Plural forms title several people at once: "Drs. Jo Bloggs and Sam Lee".
        "Drs", "Profs", "Professors", "Cllrs", "Councillors", "Messrs",
    };

    private static readonly Dictionary<string, string> Singulars = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Drs"] = "Dr", ["Profs"] = "Prof", ["Professors"] = "Professor", ["Cllrs"] = "Cllr",
        ["Councillors"] = "Councillor", ["Messrs"] = "Mr",
    };

    // Letters after a name: honours, fellowships, degrees, offices. Not part of the person's name.
    private static readonly HashSet<string> PostNominalLetters = new(StringComparer.Ordinal)
    {
        "OBE", "MBE", "CBE", "KBE", "DBE", "GBE", "BEM", "KC", "QC", "MP", "MSP", "MS", "AM", "MLA", "MEP", "JP",
        "DL", "FRSA", "FAcSS", "FBA", "FRS", "FRSE", "FRGS", "FRHistS", "FCIPD", "FCCA", "FCA", "CPFA", "FHEA",
        "SFHEA", "PhD", "DPhil", "MA", "MSc", "MBA", "MPA", "MPhil", "BA", "BSc", "LLB", "LLM",
    };

    public static bool IsHonorific(string word) =>
        Honorifics.Contains(word.TrimEnd('.'));

    /// <summary>"OBE", "PhD", "FRSA" (with or without dots: "O.B.E.").</summary>
    public static bool IsPostNominal(string word) =>
        PostNominalLetters.Contains(word.Replace(".", "", StringComparison.Ordinal));

    /// <summary>The form that titles one person: "Drs." → "Dr", "Profs" → "Prof"; null when it is not plural.</summary>
    public static string? SingularOf(string honorific) =>
        Singulars.TryGetValue(honorific.TrimEnd('.'), out var singular) ? singular : null;

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

    /// <summary>The display name without honorifics or post-nominal letters, spaces normalised:
    /// "Professor Catherine\u00A0Staite OBE" → "Catherine Staite".</summary>
    public static string DisplayName(string text)
    {
        var name = SplitHonorific(text).Name;
        var words = name.Split(' ');
        var kept = words.Length;
        while (kept > 1 && IsPostNominal(words[kept - 1].TrimEnd(',')))
        {
            kept--;
        }
        return kept == words.Length ? name : string.Join(' ', words[..kept]).TrimEnd(',');
    }

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
