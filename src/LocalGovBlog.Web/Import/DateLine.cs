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

    private static readonly string[] TimeSuffixes = ["a.m.", "p.m.", "am", "pm"];

    public static DateLine? TryRead(string trimmed)
    {
        if (trimmed.Length > MaxLength || !DateText.TryFind(trimmed, out var date))
        {
            return null;
        }
        var before = trimmed[..date.Start];
        var after = StripTime(TrimSeparators(trimmed[date.End..]));
        if (StartsWithWord(before.TrimStart(), "by"))
        {
            // "By Jo Bloggs on 2 June 2018", "By Jo Bloggs | 2 June 2018"
            var names = StripTrailingWord(TrimSeparators(before.TrimStart()[2..]), "on");
            return names.Length == 0 || after.Length > 0 ? null : new DateLine(date, names);
        }
        if (!OnlyLeadWords(before))
        {
            // "Jo Bloggs, 2 June 2018", "Jo Bloggs | 2 June 2018": names first, if they read as names.
            var names = StripTrailingWord(TrimSeparators(before), "on");
            return after.Trim('.').Length == 0 && EndsWithSeparator(before) && BylineReader.Read(names) is not null
                ? new DateLine(date, names)
                : null;
        }
        if (StartsWithWord(after, "by"))
        {
            var names = TrimSeparators(after[2..]).TrimEnd('.').TrimEnd();
            return names.Length == 0 ? null : new DateLine(date, names);
        }
        if (after.Trim('.').Length == 0)
        {
            return new DateLine(date, null);
        }
        // "2 June 2018 | Jo Bloggs", "27 November 2026 – Jo Bloggs": names after a separator, if they read as names.
        var rest = after.TrimEnd('.').TrimEnd();
        return date.End < trimmed.Length && IsSeparatorOrSpace(trimmed[date.End]) && trimmed[date.End..].TrimStart().Length > 0
            && Separators.Contains(trimmed[date.End..].TrimStart()[0], StringComparison.Ordinal) && BylineReader.Read(rest) is not null
            ? new DateLine(date, rest)
            : null;
    }

    private static bool EndsWithSeparator(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length > 0 && Separators.Contains(trimmed[^1], StringComparison.Ordinal);
    }

    private static bool IsSeparatorOrSpace(char c) => LineShape.IsSpace(c) || Separators.Contains(c, StringComparison.Ordinal);

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
        foreach (var suffix in TimeSuffixes)
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
