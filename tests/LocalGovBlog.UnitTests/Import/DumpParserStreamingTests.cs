using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

/// <summary>Large dumps are read lazily and in bounded memory. (Speed is measured by ParserBenchmarks, not here.)</summary>
public class DumpParserStreamingTests
{
    [Fact]
    public void Parser_YieldsEachPostBeforeReadingMuchFurtherAndFinishesALargeDump()
    {
        using var reader = new GeneratedDumpReader(posts: 20_000);
        var linesReadWhenYielded = new List<int>();
        var ordinals = new List<int>();

        foreach (var entry in DumpParser.Parse(reader))
        {
            var article = Assert.IsType<ParsedArticle>(entry);
            ordinals.Add(article.Ordinal);
            linesReadWhenYielded.Add(reader.LinesRead);
            TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        }

        Assert.Equal(Enumerable.Range(0, 20_000), ordinals);
        Assert.InRange(linesReadWhenYielded[0], 1, 40);
        // Never more than a post or so ahead of what has been handed out.
        Assert.All(
            linesReadWhenYielded.Zip(linesReadWhenYielded.Skip(1)),
            pair => Assert.InRange(pair.Second - pair.First, 1, 40));
    }

    [Fact]
    public void Parser_DoesNotHoldOnToPostsItHasYielded()
    {
        using var reader = new GeneratedDumpReader(posts: 20_000);
        long? early = null;
        long late = 0;

        foreach (var entry in DumpParser.Parse(reader))
        {
            var ordinal = ((ParsedArticle)entry).Ordinal;
            if (ordinal == 1_000)
            {
                early = GC.GetTotalMemory(forceFullCollection: true);
            }
            if (ordinal == 19_000)
            {
                late = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        // 18,000 posts held in memory would take tens of megabytes.
        Assert.NotNull(early);
        Assert.InRange(late - early.Value, long.MinValue, 4 * 1024 * 1024);
    }

    [Fact]
    public void Parser_ReadsTheGeneratedPostsCompletely()
    {
        var dump = GeneratedDumpReader.Text(posts: 60);

        var articles = ParsedDump.Articles(dump);

        Assert.Equal(60, articles.Count);
        Assert.Equal(20, articles.Count(article => article.IsExcerpt));
        Assert.Equal(20, articles.Count(article => article.Bios.Count == 1));
        Assert.Equal(15, articles.Count(article => article.Standfirst is not null));
        Assert.All(articles, article => Assert.Equal(3, article.Blocks.Count(block => block.Kind == BlockKind.ListItem)));
    }
}
