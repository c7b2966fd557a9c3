using System.Text;
using LocalGovBlog.Web.Text;

namespace LocalGovBlog.Web.Annotations;

/// <summary>A theme name suggested for a typed one, with how many edits apart their folded forms are.</summary>
public sealed record NearName(string Name, int Distance);

/// <summary>
/// How theme names compare: folded (case, accents, spacing, apostrophes and punctuation dropped), so
/// "Devolution", "DEVOLUTION" and "Dévolution" are one name and "Co-production" is "Coproduction".
/// Near names are a few edits apart after folding ("Devolutoin" is two from "Devolution").
/// </summary>
public static class ThemeNames
{
    public const int MaxLength = 60;

    /// <summary>The folded form names are compared by: letters and digits only, lower case, no accents.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = TextFolding.Fold(TextFolding.RemoveApostrophes(name));
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded.Where(char.IsLetterOrDigit))
        {
            key.Append(c);
        }
        return key.ToString();
    }

    public static bool Same(string a, string b) => string.Equals(Key(a), Key(b), StringComparison.Ordinal);

    /// <summary>A typed name's problem in plain words, or null when it may name a theme.</summary>
    public static string? Problem(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return "Enter a name for the theme.";
        }
        if (trimmed.Length > MaxLength)
        {
            return $"A theme name can be at most {MaxLength} characters long; this one has {trimmed.Length}.";
        }
        return Key(trimmed).Length == 0 ? "A theme name needs at least one letter or digit." : null;
    }

    /// <summary>How many edits two folded names may differ by and still be suggested: 1 for short names, up to 3 for long ones
    /// (a swapped pair of letters, "Brexti", is two edits).</summary>
    public static int Tolerance(int length) => Math.Clamp((length + 2) / 4, 1, 3);

    /// <summary>Names in <paramref name="codebook"/> that the typed name may have meant, closest first (an exact match first of all).</summary>
    public static IReadOnlyList<NearName> Near(string typed, IEnumerable<string> codebook, int limit = 3)
    {
        ArgumentNullException.ThrowIfNull(codebook);
        var key = Key(typed);
        if (key.Length == 0)
        {
            return [];
        }
        var tolerance = Tolerance(key.Length);
        return codebook
            .Select(name => new NearName(name, Quickenshtein.Levenshtein.GetDistance(key, Key(name))))
            .Where(n => n.Distance <= tolerance)
            .OrderBy(n => n.Distance).ThenBy(n => n.Name, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }
}
