using System.Globalization;
using LocalGovBlog.Web.Text;

namespace LocalGovBlog.Web.Import;

/// <summary>Where a post's authors are named in a paragraph: by full name or surname, capitalised.</summary>
/// <param name="AuthorIndex">The author named, or null when several are named together ("Jane Doe and John Smith").</param>
/// <param name="AtStart">The paragraph opens with the name, perhaps after an honorific ("Dr Jane Doe is …").</param>
internal readonly record struct AuthorMention(int? AuthorIndex, bool AtStart);

/// <summary>
/// Finds a post's authors in standfirsts and bios. Matching uses the folded forms of
/// <see cref="PersonName"/>, so spacing, accents, case and honorifics do not matter; a surname must be
/// capitalised in the text so that an author called Mason is not found in "a mason's yard".
/// </summary>
internal sealed class AuthorMentions
{
    // Bios name their subject early; looking further only costs time on long paragraphs.
    private const int MaxWordsScanned = 80;

    private readonly string[][] fullNames;
    private readonly string[][][] shortNames;

    // The words a paragraph that opens with an author's name can open with, after any honorific.
    private readonly HashSet<string> openingWords;

    public AuthorMentions(IReadOnlyList<ParsedAuthor> authors)
    {
        fullNames = authors.Select(author => PersonName.Key(author.Name).Split(' ')).ToArray();
        shortNames = fullNames.Select(ShortForms).ToArray();
        openingWords = new HashSet<string>(
            fullNames.Select(name => name[0]).Concat(shortNames.SelectMany(forms => forms.Select(form => form[0]))).Append("the").Append("both"),
            StringComparer.Ordinal);
    }

    public int AuthorCount => fullNames.Length;

    /// <summary>
    /// The first place the paragraph names an author: by full name or surname anywhere, or by first
    /// name at its start ("Jane is a lecturer …"). Null when it names none.
    /// </summary>
    public AuthorMention? FindFirst(string text) => FindFirst(text, MaxWordsScanned);

    private AuthorMention? FindFirst(string text, int maxWords)
    {
        var words = ProseWord.Split(text, maxWords);
        var firstWord = CountLeadingHonorifics(words);
        for (var i = 0; i < words.Count; i++)
        {
            var atStart = i == firstWord;
            if (MatchAt(words, i, allowFirstName: atStart) is not { } match)
            {
                continue;
            }
            var together = NamesAnotherAuthorAfter(words, i + match.Length, match.Author, allowFirstName: atStart);
            return new AuthorMention(together ? null : match.Author, atStart);
        }
        return null;
    }

    /// <summary>True when the paragraph opens with an author's name, or with "The author(s)": the shape of a bio.</summary>
    public bool OpensWithAuthor(string text)
    {
        // Most paragraphs open with no author's name: a look at the first words settles those cheaply.
        var first = ProseWord.Split(text, maxWords: 4);
        var at = CountLeadingHonorifics(first);
        if (at >= first.Count || !openingWords.Contains(first[at].Folded))
        {
            return false;
        }
        // Only the opening words matter: honorifics, a name of up to five words, and "and" another.
        const int wordsToRead = 12;
        if (FindFirst(text, wordsToRead) is { AtStart: true })
        {
            return true;
        }
        var words = ProseWord.Split(text, maxWords: 2);
        return words.Count == 2
            && words[0].Folded is "the" or "both"
            && words[1].Folded is "author" or "authors";
    }

    private static string[][] ShortForms(string[] fullName)
    {
        // "Jan van der Berg" is also "van der Berg" and "Berg"; "Zoë Müller-Ørsted" also "Müller-Ørsted" and "Ørsted".
        if (fullName.Length < 2)
        {
            return [];
        }
        var forms = new List<string[]> { fullName[1..] };
        if (fullName.Length > 2)
        {
            forms.Add(fullName[^1..]);
        }
        return [.. forms];
    }

    private (int Author, int Length)? MatchAt(List<ProseWord> words, int index, bool allowFirstName)
    {
        for (var author = 0; author < fullNames.Length; author++)
        {
            if (Matches(words, index, fullNames[author]))
            {
                return (author, fullNames[author].Length);
            }
        }
        for (var author = 0; author < shortNames.Length; author++)
        {
            foreach (var form in shortNames[author])
            {
                if (Matches(words, index, form))
                {
                    return (author, form.Length);
                }
            }
        }
        // A first name alone names an author only where a bio would use it: at the start.
        for (var author = 0; allowFirstName && author < fullNames.Length; author++)
        {
            if (fullNames[author].Length > 1 && Matches(words, index, fullNames[author][..1]))
            {
                return (author, 1);
            }
        }
        return null;
    }

    private static bool Matches(List<ProseWord> words, int index, string[] name)
    {
        if (index + name.Length > words.Count || !words[index + name.Length - 1].IsCapitalised)
        {
            return false;
        }
        for (var i = 0; i < name.Length; i++)
        {
            if (words[index + i].Folded != name[i])
            {
                return false;
            }
        }
        return true;
    }

    private bool NamesAnotherAuthorAfter(List<ProseWord> words, int index, int author, bool allowFirstName)
    {
        if (index >= words.Count || !words[index].IsConnector)
        {
            return false;
        }
        index++;
        while (index < words.Count && (words[index].IsConnector || PersonName.IsHonorific(words[index].Folded)))
        {
            index++;
        }
        return MatchAt(words, index, allowFirstName) is { } next && next.Author != author;
    }

    private static int CountLeadingHonorifics(List<ProseWord> words)
    {
        var count = 0;
        while (count < words.Count - 1 && PersonName.IsHonorific(words[count].Folded))
        {
            count++;
        }
        return count;
    }
}

/// <summary>
/// A word of running text in its folded form, or a connector ("and", "&amp;", a comma) that may join
/// two names. Other punctuation is skipped, so "J. R. Smith" reads as the words j, r, smith.
/// </summary>
internal readonly record struct ProseWord(string Folded, bool IsCapitalised, bool IsConnector)
{
    private static readonly ProseWord Connector = new(",", false, true);

    public static List<ProseWord> Split(string text, int maxWords)
    {
        var words = new List<ProseWord>();
        var start = -1;
        for (var i = 0; i <= text.Length && words.Count < maxWords; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (IsWordChar(text, i))
            {
                if (start < 0)
                {
                    start = i;
                }
                continue;
            }
            if (start >= 0)
            {
                AddWord(words, text[start..i]);
                start = -1;
            }
            if (c is ',' or '&')
            {
                words.Add(Connector);
            }
        }
        return words;
    }

    private static bool IsWordChar(string text, int i)
    {
        if (i >= text.Length)
        {
            return false;
        }
        var c = text[i];
        if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark)
        {
            return true;
        }
        // An apostrophe inside a word belongs to it: "O’Brien", "Miller’s".
        return TextFolding.IsApostrophe(c) && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);
    }

    private static void AddWord(List<ProseWord> words, string word)
    {
        var capitalised = char.IsUpper(word[0]);
        if (word == "and")
        {
            words.Add(Connector);
            return;
        }
        // A possessive still names the person: "Anthony Mason’s work".
        if (word.Length > 2 && word[^1] == 's' && TextFolding.IsApostrophe(word[^2]))
        {
            word = word[..^2];
        }
        var folded = IsPlainAscii(word) ? word.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal) : PersonName.SearchForm(word);
        foreach (var part in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(new ProseWord(part, capitalised, IsConnector: false));
        }
    }

    private static bool IsPlainAscii(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '\'')
            {
                return false;
            }
        }
        return true;
    }
}
