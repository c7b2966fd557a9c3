namespace LocalGovBlog.Web.Annotations;

/// <summary>What the server checks on every write of a passage tag; each problem is said in words.</summary>
public static class AnnotationRules
{
    public const int MaxNoteLength = 4000;

    public const int MaxThemes = 12;

    public const int MaxPassageLength = 20_000;

    public static IReadOnlyList<string> Check(string text, int start, int end, string? exact, int themeCount, string? note)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<string>();
        if (start < 0 || end > text.Length || start >= end)
        {
            problems.Add($"The passage's offsets must satisfy 0 ≤ start < end ≤ {text.Length} (the article's length); got start {start}, end {end}.");
        }
        else if (end - start > MaxPassageLength)
        {
            problems.Add($"A passage may be at most {MaxPassageLength} characters long.");
        }
        else if (exact is null || !string.Equals(text[start..end], exact, StringComparison.Ordinal))
        {
            problems.Add("The quote (TextQuoteSelector.exact) is not the article's text at the given offsets.");
        }
        if (themeCount < 1)
        {
            problems.Add("Choose at least one theme for the passage.");
        }
        else if (themeCount > MaxThemes)
        {
            problems.Add($"A passage may carry at most {MaxThemes} themes.");
        }
        if (note is not null && note.Length > MaxNoteLength)
        {
            problems.Add($"A note can be at most {MaxNoteLength} characters long; this one has {note.Length}.");
        }
        return problems;
    }
}
