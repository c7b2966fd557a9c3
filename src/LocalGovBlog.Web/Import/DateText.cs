using System.Globalization;
using System.Text.RegularExpressions;

namespace LocalGovBlog.Web.Import;

/// <summary>Whether a numeric date such as 03/04/2019 gives the day or the month first.</summary>
internal enum DateOrder
{
    DayFirst,
    MonthFirst,
}

/// <summary>
/// A date written in a listing, found inside a line: "27 November 2026", "Thursday, 27th November 2026",
/// "November 27, 2026", "Nov. 27 2026", "27/11/2026", "27.11.26", "2026-11-27". Numeric dates keep both
/// numbers until the dump's <see cref="DateOrder"/> is known.
/// </summary>
internal readonly partial record struct DateText(int Start, int End, int Year, int First, int Second, bool IsNumeric)
{
    /// <summary>A numeric date whose first number can only be a day (27/11/2026) or only a month (11/27/2026).</summary>
    public DateOrder? Evidence => !IsNumeric ? null : First > 12 && Second <= 12 ? DateOrder.DayFirst : Second > 12 && First <= 12 ? DateOrder.MonthFirst : null;

    /// <summary>The calendar date, or null when the numbers name no real day (31/02/2026).</summary>
    public DateOnly? Resolve(DateOrder order)
    {
        var (month, day) = !IsNumeric || order == DateOrder.MonthFirst ? (First, Second) : (Second, First);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Year, month)
            ? new DateOnly(Year, month, day)
            : null;
    }

    public static bool TryFind(string text, out DateText date)
    {
        ArgumentNullException.ThrowIfNull(text);
        date = default;
        // Cheap test first: every form has a run of four digits or a numeric date with separators.
        if (text.Length > 300 || !text.Any(char.IsAsciiDigit))
        {
            return false;
        }
        var match = Pattern().Match(text);
        while (match.Success)
        {
            if (TryRead(match, out date))
            {
                return true;
            }
            match = match.NextMatch();
        }
        return false;
    }

    private static bool TryRead(Match match, out DateText date)
    {
        date = default;
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["y"].Value.Length == 2)
        {
            year += 2000;
        }
        if (year is < 1900 or > 2200)
        {
            return false;
        }
        int first, second;
        var numeric = false;
        if (match.Groups["mon"].Success)
        {
            first = MonthNumber(match.Groups["mon"].Value);
            second = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        }
        else if (match.Groups["im"].Success)
        {
            first = int.Parse(match.Groups["im"].Value, CultureInfo.InvariantCulture);
            second = int.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            first = int.Parse(match.Groups["a"].Value, CultureInfo.InvariantCulture);
            second = int.Parse(match.Groups["b"].Value, CultureInfo.InvariantCulture);
            numeric = true;
        }
        if (first is < 1 or > 31 || second is < 1 or > 31 || (!numeric && first > 12))
        {
            return false;
        }
        date = new DateText(match.Index, match.Index + match.Length, year, first, second, numeric);
        return numeric || date.Resolve(DateOrder.MonthFirst) is not null;
    }

    private static int MonthNumber(string name)
    {
        var prefix = name.TrimEnd('.')[..3].ToLowerInvariant();
        return Array.IndexOf(MonthPrefixes, prefix) + 1;
    }

    private static readonly string[] MonthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private const string Month =
        @"(?<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

    private const string Day = @"(?<d>\d{1,2})(?:st|nd|rd|th)?";

    // Day-first words, month-first words, numeric day/month either way, ISO. \s matches the no-break space too.
    [GeneratedRegex(
        @"(?<![\p{L}\d])(?:" + Day + @"\s+(?:of\s+)?" + Month + @",?\s+(?<y>\d{4})"
        + @"|" + Month + @"\s+" + Day + @",?\s+(?<y>\d{4})"
        + @"|(?<a>\d{1,2})(?<sep>[/.\-])(?<b>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})"
        + @"|(?<y>\d{4})-(?<im>\d{2})-(?<id>\d{2})"
        + @")(?![\p{L}\d])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Pattern();
}
