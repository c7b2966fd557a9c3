namespace LocalGovBlog.Web.Import;

/// <summary>
/// A line that is a listing's date and perhaps its author: "27 November 2026", "Posted on 03/04/2019",
/// "Posted on 03/04/2019 by Jo Bloggs.", "June 2, 2018 by Jo Bloggs", "By Jo Bloggs on 2 June 2018".
/// <see cref="Names"/> is the author text as written, read into a byline by the caller.
/// </summary>
internal sealed record DateLine(DateText Date, string? Names)
{
    private const int MaxLength = 160;

    private static readonly HashSet<string> LeadWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "posted", "published", "date", "dated", "written", "updated", "last", "first", "on",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    };

    private const string Separators = ",;:|·•–—-/()[]";

    public static DateLine? TryRead(string trimmed)
    {
        if (trimmed.Length > MaxLength || !DateText.TryFind(trimmed, out var date))
        {
            return null;
        }
        var before = trimmed[..date.Start];
        var after = TrimSeparators(trimmed[date.End..]);
        string? names = null;
        if (StartsWithWord(before.TrimStart(), "by"))
        {
            // "By Jo Bloggs on 2 June 2018", "By Jo Bloggs | 2 June 2018"
            var text = TrimSeparators(before.TrimStart()[2..]);
            text = StripTrailingWord(text, "on");
            if (text.Length == 0 || after.Length > 0)
            {
                return null;
            }
            names = text;
        }
        else
        {
            if (!OnlyLeadWords(before))
            {
                return null;
            }
            after = StripTime(after);
            if (StartsWithWord(after, "by"))
            {
                names = TrimSeparators(after[2..]).TrimEnd('.').TrimEnd();
                if (names.Length == 0)
                {
                    return null;
                }
            }
            else if (after.Trim('.').Length > 0)
            {
                return null;
            }
        }
        return new DateLine(date, names);
    }

    private static bool OnlyLeadWords(string text)
    {
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var bare = word.Trim(Separators.ToCharArray()).TrimEnd('.');
            if (bare.Length > 0 && !LeadWords.Contains(bare))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>"at 10:32", "10:32 am" after a date.</summary>
    private static string StripTime(string text)
    {
        var rest = StartsWithWord(text, "at") ? text[2..].TrimStart() : text;
        var i = 0;
        while (i < rest.Length && (char.IsAsciiDigit(rest[i]) || rest[i] == ':'))
        {
            i++;
        }
        if (i == 0 || !rest[..i].Contains(':', StringComparison.Ordinal))
        {
            return text;
        }
        rest = rest[i..].TrimStart();
        foreach (var suffix in new[] { "am", "pm", "a.m.", "p.m." })
        {
            if (rest.StartsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[suffix.Length..];
                break;
            }
        }
        return TrimSeparators(rest);
    }

    private static bool StartsWithWord(string text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase)
        && (text.Length == word.Length || LineShape.IsSpace(text[word.Length]));

    private static string StripTrailingWord(string text, string word) =>
        text.EndsWith(" " + word, StringComparison.OrdinalIgnoreCase) ? text[..^(word.Length + 1)].TrimEnd() : text;

    private static string TrimSeparators(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && (LineShape.IsSpace(text[start]) || Separators.Contains(text[start], StringComparison.Ordinal)))
        {
            start++;
        }
        while (end > start && (LineShape.IsSpace(text[end - 1]) || Separators.Contains(text[end - 1], StringComparison.Ordinal)))
        {
            end--;
        }
        return text[start..end];
    }
}
