using System.Text.RegularExpressions;
using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

/// <summary>
/// Checks the parser's promise: every non-blank line of a dump lands in exactly one place (title,
/// byline, date, caption, keywords, standfirst, a body block, "Continue reading", sign-off, bio or a
/// diagnostic of a line left out), and no blank line is claimed. Where a place keeps the line's text, the
/// text must be the line's. Warnings and notes speak about lines that are placed elsewhere, so they claim
/// none; their line numbers must still be the dump's.
/// </summary>
internal static partial class LineAccounting
{
    public static void AssertEveryLinePlacedOnce(string dump, IReadOnlyList<DumpEntry> entries)
    {
        var lines = SourceLines.Of(dump);
        var places = new Dictionary<int, List<string>>();
        var failures = new List<string>();

        void Place(int line, string where, string? expectedText = null)
        {
            if (!places.TryGetValue(line, out var list))
            {
                places[line] = list = [];
            }
            list.Add(where);
            if (line < 1 || line >= lines.Count)
            {
                failures.Add($"{where} claims line {line}, which the dump does not have");
            }
            else if (expectedText is not null && SourceLines.Trim(lines[line]) != expectedText)
            {
                failures.Add($"{where} says line {line} is “{expectedText}” but it is “{lines[line]}”");
            }
        }

        foreach (var entry in entries)
        {
            switch (entry)
            {
                case ParsedArticle article:
                    PlaceArticle(article, lines, Place, failures);
                    break;
                case DumpDiagnostic { Kind: DiagnosticKind.Unplaced } diagnostic:
                    Place(diagnostic.Line, "a diagnostic", diagnostic.Text);
                    break;
                case DumpDiagnostic warning when warning.Line < 1 || warning.Line >= lines.Count:
                    failures.Add($"a {warning.Kind} names line {warning.Line}, which the dump does not have");
                    break;
            }
        }

        for (var line = 1; line < lines.Count; line++)
        {
            var claims = places.GetValueOrDefault(line) ?? [];
            var blank = SourceLines.IsBlank(lines[line]);
            if (!blank && claims.Count != 1)
            {
                failures.Add($"line {line} is placed {claims.Count} times ({string.Join(", ", claims)}): “{lines[line]}”");
            }
            if (blank && claims.Count > 0)
            {
                failures.Add($"blank line {line} is claimed by {string.Join(", ", claims)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static void PlaceArticle(
        ParsedArticle article, List<string> lines, Action<int, string, string?> place, List<string> failures)
    {
        var post = $"post {article.Ordinal}";
        place(article.TitleLine, $"{post} title", article.Title);
        if (article.BylineLine is { } bylineLine)
        {
            place(bylineLine, $"{post} byline", null);
        }
        if (article.DateLine is { } dateLine && dateLine != article.BylineLine)
        {
            place(dateLine, $"{post} date", null);
        }
        foreach (var caption in article.Captions)
        {
            place(caption.Line, $"{post} caption", caption.Text);
        }
        foreach (var keywordLine in article.KeywordLines)
        {
            place(keywordLine, $"{post} keywords", null);
        }
        if (article.StandfirstLine is { } standfirstLine)
        {
            place(standfirstLine, $"{post} standfirst", article.Standfirst);
        }
        foreach (var block in article.Blocks)
        {
            for (var line = block.FirstLine; line <= block.LastLine; line++)
            {
                place(line, $"{post} {block.Kind} {block.FirstLine}-{block.LastLine}", null);
                var tail = LastWords(lines, line);
                if (tail.Length > 0 && !block.Text.Contains(tail, StringComparison.Ordinal))
                {
                    failures.Add($"{post} block {block.FirstLine}-{block.LastLine} does not hold the text of line {line}");
                }
            }
        }
        if (article.ContinueReadingLine is { } continueLine)
        {
            place(continueLine, $"{post} “Continue reading”", null);
        }
        if (article.SignOffLine is { } signOffLine)
        {
            place(signOffLine, $"{post} sign-off", null);
        }
        // A bio paragraph about two co-authors is split between them: its line is placed once, and its
        // parts together must be the paragraph's text.
        foreach (var paragraph in article.Bios.GroupBy(bio => bio.Line))
        {
            place(paragraph.Key, $"{post} bio", paragraph.Count() == 1 ? paragraph.First().Text : null);
            var joined = Spaced(string.Join(' ', paragraph.Select(bio => bio.Text)));
            if (paragraph.Count() > 1 && paragraph.Key > 0 && paragraph.Key < lines.Count && joined != Spaced(lines[paragraph.Key]))
            {
                failures.Add($"{post}'s bios from line {paragraph.Key} do not add up to the line: “{joined}”");
            }
        }
        foreach (var diagnostic in article.Diagnostics.Where(diagnostic => diagnostic.Kind == DiagnosticKind.Unplaced))
        {
            place(diagnostic.Line, $"{post} diagnostic", diagnostic.Text);
        }
        var lastPlaced = new[] { article.TitleLine, article.BylineLine ?? 0, article.DateLine ?? 0, article.StandfirstLine ?? 0, article.ContinueReadingLine ?? 0, article.SignOffLine ?? 0 }
            .Concat(article.Captions.Select(caption => caption.Line))
            .Concat(article.KeywordLines)
            .Concat(article.Blocks.Select(block => block.LastLine))
            .Concat(article.Bios.Select(bio => bio.Line))
            .Concat(article.Diagnostics.Where(diagnostic => diagnostic.Kind == DiagnosticKind.Unplaced).Select(diagnostic => diagnostic.Line))
            .Max();
        if (article.LastLine != lastPlaced)
        {
            failures.Add($"{post} says its last line is {article.LastLine}, but its last placed line is {lastPlaced}");
        }
    }

    private static string Spaced(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string LastWords(List<string> lines, int line)
    {
        var text = ListMarker().Replace(SourceLines.Trim(lines[line]), "");
        return text.Length <= 12 ? text : text[^12..];
    }

    [GeneratedRegex(@"^(?:[•\-*–—]|\d{1,3}[.)])\s*")]
    private static partial Regex ListMarker();
}
