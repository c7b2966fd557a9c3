using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

/// <summary>Parses a dump and checks the line-accounting promise on the way, so every test also guards it.</summary>
internal static class ParsedDump
{
    public static List<DumpEntry> Entries(string dump)
    {
        var entries = DumpParser.Parse(dump).ToList();
        LineAccounting.AssertEveryLinePlacedOnce(dump, entries);
        return entries;
    }

    public static List<ParsedArticle> Articles(string dump) => Entries(dump).OfType<ParsedArticle>().ToList();

    public static ParsedArticle SingleArticle(string dump) => Assert.Single(Articles(dump));

    /// <summary>Joins lines with LF and blank lines between blocks, the way most tests write a dump.</summary>
    public static string Blocks(params string[] blocks) => string.Join("\n\n", blocks) + "\n";
}
