namespace LocalGovBlog.UnitTests.Import;

/// <summary>The dumps in TestData/Dumps: the real seed and our own samples of the format family.</summary>
internal static class SampleDumps
{
    public const string Seed = "inlogov-blog.txt";
    public const string Varied = "varied-posts.txt";
    public const string CrlfBomNbsp = "crlf-bom-nbsp.txt";
    public const string NoPosts = "no-posts.txt";

    /// <summary>Thirty posts as a listing page shows them: captions, dates, sentence bylines, notices, footnotes.</summary>
    public const string ListingMixed = "listing-mixed.txt";

    /// <summary>Another blog's listing: "Posted on 03/04/2019 by Jo Bloggs." and "Read more".</summary>
    public const string PostedOn = "posted-on-listing.txt";

    /// <summary>Another again: "June 2, 2018 by Jo Bloggs", "Read more »" and a category line after it.</summary>
    public const string MonthFirst = "month-first-listing.txt";

    /// <summary>A blog that reuses titles ("Weekly round-up"), and a post with no body between them.</summary>
    public const string RecurringTitles = "recurring-titles.txt";

    /// <summary>Welsh, Irish and Polish names: "ap", "ab" and "ferch", "Ó", "Ní", "Ł", "ż".</summary>
    public const string WelshIrishPolishNames = "welsh-irish-polish-names.txt";

    /// <summary>WordPress's own footer under each post: "Posted in Devolution | Tagged mayors | 2 Comments".</summary>
    public const string WordPressFooter = "wordpress-footer.txt";

    /// <summary>WordPress's sharing buttons under every post ("Share this:", "Like Loading..."), once under a sign-off.</summary>
    public const string ShareButtons = "share-buttons.txt";

    public static readonly string[] All =
        [Seed, Varied, CrlfBomNbsp, NoPosts, ListingMixed, PostedOn, MonthFirst, RecurringTitles, WelshIrishPolishNames, WordPressFooter, ShareButtons];

    /// <summary>The dumps that hold only clean posts: no warning may fire on them.</summary>
    public static TheoryData<string> Clean =>
        new(Seed, Varied, CrlfBomNbsp, ListingMixed, PostedOn, MonthFirst, RecurringTitles, WelshIrishPolishNames, WordPressFooter, ShareButtons);

    public static TheoryData<string> Names => new(All);

    /// <summary>The file exactly as stored: BOM, CRLF and a missing final newline are kept.</summary>
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Dumps", name), new System.Text.UTF8Encoding(false));

    /// <summary>The 1-based number of the first line that contains <paramref name="fragment"/>.</summary>
    public static int LineOf(string dump, string fragment)
    {
        var lines = SourceLines.Of(dump);
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Contains(fragment, StringComparison.Ordinal))
            {
                return i;
            }
        }
        throw new ArgumentException($"No line contains “{fragment}”.", nameof(fragment));
    }

    /// <summary>The 1-based number of the first line that is exactly <paramref name="text"/>, spaces aside.</summary>
    public static int LineEqualTo(string dump, string text)
    {
        var lines = SourceLines.Of(dump);
        var index = lines.FindIndex(1, line => SourceLines.Trim(line) == text);
        return index > 0 ? index : throw new ArgumentException($"No line is “{text}”.", nameof(text));
    }
}

/// <summary>A dump's lines, indexed by 1-based line number (index 0 is unused), split as TextReader does.</summary>
internal static class SourceLines
{
    public static List<string> Of(string dump)
    {
        var lines = new List<string> { "" };
        using var reader = new StringReader(dump);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(lines.Count == 1 ? line.TrimStart('\uFEFF') : line);
        }
        return lines;
    }

    public static bool IsBlank(string line) => line.All(c => char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF');

    public static string Trim(string line) => line.Trim().Trim('\u200B', '\uFEFF').Trim();
}
