using System.Text;
using LocalGovBlog.Web.Text;

namespace LocalGovBlog.Web.Search;

/// <summary>
/// What a reader typed, reduced to terms and "quoted phrases" made only of letters and digits.
/// Nothing the reader types reaches the full-text engine as syntax: operators (AND, OR, NOT, NEAR),
/// column filters, brackets, stars, carets and stray quotes all become plain words or vanish, and
/// the length is capped at a word boundary, so every input is a valid query.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxInputChars = 1000;

    public const int MaxTerms = 12;

    public const int MaxTermChars = 64;

    private SearchQuery(IReadOnlyList<IReadOnlyList<string>> terms) => Terms = terms;

    /// <summary>Each term is one word, or the words of a phrase that must appear together in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static SearchQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SearchQuery([]);
        }
        var input = text.Length > MaxInputChars ? Truncate(text) : text;
        var terms = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Straight and curly double quotes open and close phrases; an unclosed quote runs to the end.
        var pieces = input.Split(['"', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB']);
        for (var i = 0; i < pieces.Length && terms.Count < MaxTerms; i++)
        {
            var quoted = i % 2 == 1;
            if (quoted)
            {
                Add(Words(pieces[i]), terms, seen);
                continue;
            }
            // Outside quotes a hyphenated or apostrophised chunk ("co-production", "O’Brien") is a phrase.
            foreach (var chunk in TextFolding.NormalizeSpaces(pieces[i]).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (terms.Count == MaxTerms)
                {
                    break;
                }
                Add(Words(chunk), terms, seen);
            }
        }
        return new SearchQuery(terms);
    }

    /// <summary>The FTS5 MATCH expression: every term double-quoted, joined by implicit AND.</summary>
    public string ToFts5Match() =>
        string.Join(' ', Terms.Select(words => "\"" + string.Join(' ', words) + "\""));

    public override string ToString() =>
        string.Join(' ', Terms.Select(words => words.Count == 1 ? words[0] : "\"" + string.Join(' ', words) + "\""));

    /// <summary>
    /// Input past the limit is ignored from the last space before it, so the words kept are whole:
    /// "… partnership" cut at "partner" would otherwise search for a word nobody typed.
    /// </summary>
    private static string Truncate(string text)
    {
        if (char.IsWhiteSpace(text[MaxInputChars]))
        {
            return text[..MaxInputChars];
        }
        for (var i = MaxInputChars - 1; i > 0; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return text[..i];
            }
        }
        // One unbroken run of 1,000 characters: drop its last part-word at least.
        var end = MaxInputChars;
        while (end > 0 && char.IsLetterOrDigit(text[end - 1]))
        {
            end--;
        }
        return text[..end];
    }

    private static void Add(List<string> words, List<IReadOnlyList<string>> terms, HashSet<string> seen)
    {
        if (words.Count > 0 && seen.Add(string.Join(' ', words)))
        {
            terms.Add(words);
        }
    }

    /// <summary>Runs of letters and digits, folded; everything else separates words.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in TextFolding.Fold(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (word.Length < MaxTermChars)
                {
                    word.Append(c);
                }
                continue;
            }
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return words.Count > MaxTerms ? words[..MaxTerms] : words;
    }
}
