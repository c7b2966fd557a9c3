using System.Globalization;
using LocalGovBlog.Web.Text;

namespace LocalGovBlog.Web.Import;

/// <summary>What a single word of a person's name may look like in a byline.</summary>
internal static class NameWord
{
    /// <summary>
    /// A word of a person's name: capitalised ("Zoë", "Müller-Ørsted", "O’Brien", "McDonald"), an initial
    /// ("J.", "J.R."), a particle ("van", "de"), or a particle prefix ("al-Hassan", "d’Ancona").
    /// </summary>
    public static bool IsNameWord(string word)
    {
        if (BylineLexicon.IsParticle(word) || IsInitial(word))
        {
            return true;
        }
        if (BylineLexicon.IsNotAName(word) || BylineLexicon.IsAcronym(word) || BylineLexicon.IsOrganisationWord(word))
        {
            return false;
        }
        var start = ParticlePrefixLength(word);
        return start < word.Length && char.IsUpper(word[start]) && IsLettersWithJoiners(word.AsSpan(start));
    }

    public static bool IsInitial(string word)
    {
        // "J", "J.", "J.R.", "J.-P."
        var letters = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && char.IsLetter(word[i - 1]))
                {
                    return false;
                }
                letters++;
            }
            else if (c is not ('.' or '-'))
            {
                return false;
            }
        }
        return letters > 0 && (letters == 1 || word.Contains('.', StringComparison.Ordinal));
    }

    private static int ParticlePrefixLength(string word)
    {
        var joiner = 0;
        while (joiner < word.Length && !IsNameJoiner(word[joiner]))
        {
            joiner++;
        }
        return joiner > 0 && joiner < word.Length - 1 && (BylineLexicon.IsParticle(word[..joiner]) || word[..joiner] is "d" or "l")
            ? joiner + 1
            : 0;
    }

    private static bool IsLettersWithJoiners(ReadOnlySpan<char> word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsLetter(c) || IsCombiningMark(c))
            {
                continue;
            }
            var joinsLetters = IsNameJoiner(c) && i > 0 && i < word.Length - 1 && char.IsLetter(word[i + 1]);
            if (!joinsLetters)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Hyphens and every apostrophe form join the parts of a name: "Müller-Ørsted", "O’Brien", "O‘Brien".</summary>
    private static bool IsNameJoiner(char c) => c == '-' || TextFolding.IsApostrophe(c);

    private static bool IsCombiningMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
