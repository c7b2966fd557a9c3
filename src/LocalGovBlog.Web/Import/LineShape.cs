namespace LocalGovBlog.Web.Import;

/// <summary>
/// Character-level tests on lines and short texts. Some of these run on every line of a dump,
/// so they work on spans and chars rather than regexes.
/// </summary>
internal static class LineShape
{
    /// <summary>Longest line that can be a title; body paragraphs are usually far longer.</summary>
    public const int MaxTitleLength = 200;

    private const string ListBullets = "•-*–—";
    private const string SentenceEnds = ".!?…";
    private const string TrailingClosers = "”\"’')]»";

    /// <summary>Every Unicode space counts, plus the zero-width space and a stray byte-order mark.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF';

    public static bool IsBlank(string line)
    {
        foreach (var c in line)
        {
            if (!IsSpace(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Trims every kind of space (NBSP included) from both ends.</summary>
    public static string TrimSpaces(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }
        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }
        return start == 0 && end == text.Length ? text : text[start..end];
    }

    // The words a listing puts where an excerpt stops, before an optional arrow, ellipsis or colon.
    private static readonly string[][] MorePhrases =
    [
        .. new[]
        {
            "continue reading", "read more", "keep reading", "read on", "read the full post", "read the full article",
            "read the full story", "read the full piece", "read the full blog", "read the full blog post",
            "read the rest", "read the rest of this entry", "read the rest of this post", "read full post",
            "read full article", "view full post", "full post", "full article",
        }.Select(phrase => phrase.Split(' ')),
    ];

    /// <summary>
    /// "Continue reading", "Read more »", "Read the rest of this entry →", any case and spacing, optionally
    /// followed by an arrow, ellipsis, colon or dots, or by the post's title in quotation marks
    /// ("Continue reading “Devolution and the districts” →"). A sentence that merely starts with the words is not one.
    /// </summary>
    public static bool IsContinueReading(string line)
    {
        var text = TrimSpan(line);
        if (text.Length is < 7 or > MaxTitleLength)
        {
            return false;
        }
        // "[Read more]", "(read more)", "» Read more"
        text = text.TrimStart("[(»→ ").TrimEnd("])");
        // Every phrase starts with c, r, k, v or f: most lines stop here.
        if (text.Length == 0 || char.ToLowerInvariant(text[0]) is not ('c' or 'r' or 'k' or 'v' or 'f'))
        {
            return false;
        }
        foreach (var phrase in MorePhrases)
        {
            if (!StartsWithWords(text, phrase, out var end))
            {
                continue;
            }
            if (EndsAsAMarker(text[end..]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>What may follow the words of a marker: an arrow, dots, a colon, or the post's title in quotes.</summary>
    private static bool EndsAsAMarker(ReadOnlySpan<char> rest)
    {
        var gap = CountLeadingSpaces(rest);
        if (gap < rest.Length && IsOpeningQuote(rest[gap]))
        {
            var close = rest.LastIndexOfAny("”\"’'»");
            if (close <= gap)
            {
                return false;
            }
            rest = rest[(close + 1)..];
        }
        foreach (var c in rest)
        {
            if (!IsSpace(c) && c is not ('…' or '›' or '»' or '→' or ':' or '.' or '>' or '-' or '–' or ']' or ')'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The text opens with the phrase's words (any case, any run of spaces between them).</summary>
    private static bool StartsWithWords(ReadOnlySpan<char> text, string[] phrase, out int end)
    {
        end = 0;
        var i = 0;
        foreach (var word in phrase)
        {
            if (i > 0)
            {
                var gap = CountLeadingSpaces(text[i..]);
                if (gap == 0)
                {
                    return false;
                }
                i += gap;
            }
            if (!text[i..].StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            i += word.Length;
        }
        if (i < text.Length && char.IsLetterOrDigit(text[i]))
        {
            return false; // "Read moreover", "Continue readings"
        }
        end = i;
        return true;
    }

    /// <summary>
    /// Recognises a list marker ("• ", "- ", "– ", "1. ", "10) ") at the start of a line and tells where
    /// the item's text begins. The marker must be followed by a space, so "-based" or "*note*" are not lists.
    /// </summary>
    public static bool TryReadListMarker(string line, out int textStart, out bool ordered)
    {
        textStart = 0;
        ordered = false;
        var i = CountLeadingSpaces(line);
        if (i >= line.Length)
        {
            return false;
        }
        int markerEnd;
        if (ListBullets.Contains(line[i], StringComparison.Ordinal))
        {
            markerEnd = i + 1;
        }
        else
        {
            var digits = 0;
            while (i + digits < line.Length && char.IsAsciiDigit(line[i + digits]))
            {
                digits++;
            }
            if (digits is 0 or > 3 || i + digits >= line.Length || line[i + digits] is not ('.' or ')'))
            {
                return false;
            }
            markerEnd = i + digits + 1;
            ordered = true;
        }
        var spaces = CountLeadingSpaces(line.AsSpan(markerEnd));
        if (spaces == 0 && markerEnd < line.Length)
        {
            return false;
        }
        textStart = markerEnd + spaces;
        return true;
    }

    public static bool IsListLine(string line) => TryReadListMarker(line, out _, out _);

    /// <summary>
    /// A title is one short line that does not end like a sentence or an introduction
    /// (a final '.', ':', ';' or ','); '?' and '!' are fine.
    /// </summary>
    public static bool IsTitleLike(string trimmedLine)
    {
        if (trimmedLine.Length is 0 or > MaxTitleLength || IsListLine(trimmedLine) || IsContinueReading(trimmedLine))
        {
            return false;
        }
        var last = LastCharBeforeClosers(trimmedLine);
        return last is not ('.' or ':' or ';' or ',') && trimmedLine.Any(char.IsLetter);
    }

    /// <summary>True when the text ends a sentence: ". ! ? …", possibly inside closing quotes or brackets.</summary>
    public static bool EndsLikeSentence(string trimmed) =>
        SentenceEnds.Contains(LastCharBeforeClosers(trimmed), StringComparison.Ordinal);

    /// <summary>
    /// True when no sentence ends before the end of the text. A full stop after an initial or a
    /// common abbreviation ("Dr.", "J.", "e.g.") does not end a sentence.
    /// </summary>
    public static bool IsSingleSentence(string trimmed) => SentenceStarts(trimmed).Count == 1;

    /// <summary>The text cut into sentences, each trimmed: "Ann Lee is … Bo Chan is …" gives two.</summary>
    public static IReadOnlyList<string> SplitSentences(string trimmed)
    {
        var starts = SentenceStarts(trimmed);
        var sentences = new List<string>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1] : trimmed.Length;
            sentences.Add(TrimSpaces(trimmed[starts[i]..end]));
        }
        return sentences;
    }

    /// <summary>Where each sentence starts: after ". ! ? …" (and closing quotes), a space and a capital or an
    /// opening quote, unless the full stop closed an initial or an abbreviation.</summary>
    private static List<int> SentenceStarts(string trimmed)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < trimmed.Length - 1; i++)
        {
            if (!SentenceEnds.Contains(trimmed[i], StringComparison.Ordinal))
            {
                continue;
            }
            var next = i + 1;
            while (next < trimmed.Length && TrailingClosers.Contains(trimmed[next], StringComparison.Ordinal))
            {
                next++;
            }
            var spaces = CountLeadingSpaces(trimmed.AsSpan(next));
            if (spaces == 0 || next + spaces >= trimmed.Length)
            {
                continue;
            }
            var following = trimmed[next + spaces];
            if ((char.IsUpper(following) || IsOpeningQuote(following)) && !EndsWithAbbreviation(trimmed.AsSpan(0, i)))
            {
                starts.Add(next + spaces);
            }
        }
        return starts;
    }

    public static bool IsOpeningQuote(char c) => c is '“' or '"' or '‘' or '\'' or '«' or '„';

    public static bool IsClosingQuote(char c) => c is '”' or '"' or '’' or '\'' or '»';

    public static bool OpensWithQuote(string trimmed) => trimmed.Length > 0 && IsOpeningQuote(trimmed[0]);

    /// <summary>Ends with a quotation mark, possibly followed by punctuation: <c>…voted to leave”.</c></summary>
    public static bool ClosesWithQuote(string trimmed)
    {
        var end = trimmed.Length;
        while (end > 0 && trimmed[end - 1] is '.' or ',' or ';' or '!' or '?' or '…')
        {
            end--;
        }
        return end > 0 && IsClosingQuote(trimmed[end - 1]);
    }

    public static int CountLeadingSpaces(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (count < text.Length && IsSpace(text[count]))
        {
            count++;
        }
        return count;
    }

    private static ReadOnlySpan<char> TrimSpan(string text)
    {
        var span = text.AsSpan();
        var start = CountLeadingSpaces(span);
        var end = span.Length;
        while (end > start && IsSpace(span[end - 1]))
        {
            end--;
        }
        return span[start..end];
    }

    /// <summary>The last character that says how the text ends: closing quotes and brackets, and a footnote
    /// marker ("… raise one.[2]"), are looked past.</summary>
    private static char LastCharBeforeClosers(string trimmed)
    {
        var end = trimmed.Length;
        while (end > 1)
        {
            if (trimmed[end - 1] == ']' && trimmed.LastIndexOf('[', end - 1) is var open and > 0
                && end - open <= 8 && trimmed.AsSpan(open + 1, end - open - 2).ContainsAnyExcept(FootnoteLabelChars) == false)
            {
                end = open;
                continue;
            }
            if (!TrailingClosers.Contains(trimmed[end - 1], StringComparison.Ordinal) && !IsSpace(trimmed[end - 1]))
            {
                break;
            }
            end--;
        }
        return end == 0 ? '\0' : trimmed[end - 1];
    }

    private static readonly System.Buffers.SearchValues<char> FootnoteLabelChars =
        System.Buffers.SearchValues.Create("0123456789ivxlIVXL");

    private static bool EndsWithAbbreviation(ReadOnlySpan<char> before)
    {
        var start = before.Length;
        while (start > 0 && !IsSpace(before[start - 1]) && before[start - 1] is not ('(' or '“' or '"'))
        {
            start--;
        }
        var word = before[start..];
        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            return true;
        }
        foreach (var abbreviation in Abbreviations)
        {
            if (word.Equals(abbreviation, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return word.Contains('.');
    }

    private static readonly string[] Abbreviations =
    [
        "Dr", "Mr", "Mrs", "Ms", "Prof", "Cllr", "St", "No", "Nos", "vs", "cf", "etc", "Co", "Ltd", "Inc", "Rev", "Revd", "Rt", "Hon",
    ];
}
