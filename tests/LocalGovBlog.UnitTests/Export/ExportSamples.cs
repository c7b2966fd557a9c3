using LocalGovBlog.Web.Api;
using LocalGovBlog.Web.Export;

namespace LocalGovBlog.UnitTests.Export;

/// <summary>
/// A small archive as the export query hands it to the writers: an article whose text has characters outside
/// the Basic Multilingual Plane before its tagged passages (so UTF-16 and code-point offsets differ), a tag
/// whose note is a spreadsheet formula, a tag with two themes, and an orphan.
/// </summary>
public static class ExportSamples
{
    public static readonly ArchiveIris Iris = new("https://archive.example");

    public const string OwnerId = "0f8fad5b-d9cb-469f-a165-70867728950e";

    public const string FormulaNote = "=HYPERLINK(\"http://evil.example\",\"click\")";

    /// <summary>Two emoji (two UTF-16 units each) and a CJK extension-B character come before "devolution deals".</summary>
    public const string EmojiText = "Councils 🏛️ and 𠀋 mayors 🎉 signed devolution deals, \"quoted\", with commas.\nSecond line.";

    public static readonly ExportedTheme Governance = new(1, "governance", "Governance", "#1F77B4", "How places are run", null);

    public static readonly ExportedTheme Devolution = new(2, "devolution", "Devolution", "#ff7f0e", "Powers moved down", 1);

    public static readonly ExportedTheme Finance = new(3, "finance", "Finance, \"money\" & <budgets>", "not-a-colour", null, null);

    public static IReadOnlyList<ExportedTheme> Codebook => [Governance, Devolution, Finance];

    public static IReadOnlyList<ExportedUser> Users => [new(OwnerId, "ada")];

    public static AnnotationRow Tag(int id, string text, string exact, string? note = null, bool orphan = false, bool isPublic = true, params ExportedTheme[] themes)
    {
        var start = orphan ? 0 : text.IndexOf(exact, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new ArgumentException($"'{exact}' is not in the text");
        }
        var created = new DateTime(2026, 3, 4, 10, 20, 30, DateTimeKind.Unspecified);
        return new AnnotationRow(id, "emoji-article", OwnerId, "ada", start, orphan ? 0 : start + exact.Length, exact, "", "", note, isPublic, orphan,
            created, created.AddMinutes(5), [.. themes.Select(t => new ThemeRef(t.Slug, t.Name, t.Color))]);
    }

    public static ExportedArticle Article() => new(
        7, "emoji-article", "Mayors 🎉 and deals", new DateOnly(2026, 2, 1), new DateTime(2026, 2, 2, 8, 0, 0),
        [new ExportedAuthor("jane-doe", "Jane Doe"), new ExportedAuthor("sam-roe", "Sam Roe")], EmojiText,
        [
            Tag(11, EmojiText, "devolution deals", FormulaNote, themes: [Devolution, Governance]),
            Tag(12, EmojiText, "\"quoted\", with commas.\nSecond", "+1 line\r\nnote, with comma", themes: [Finance]),
            Tag(13, EmojiText, "words long gone", "-orphan", orphan: true, themes: [Governance]),
        ]);

    public static ExportedArticle Plain() => new(
        8, "plain-article", "Plain", null, new DateTime(2026, 2, 3), [], "Nothing tagged here.", []);

    public static async IAsyncEnumerable<ExportedArticle> Stream(params ExportedArticle[] articles)
    {
        foreach (var article in articles)
        {
            await Task.Yield();
            yield return article;
        }
    }
}
