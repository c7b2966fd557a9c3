using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

/// <summary>
/// Dumps jumbled from the kinds of line real dumps hold, in orders no real dump would have. Whatever
/// the parser makes of them, it must place every line exactly once and never throw.
/// </summary>
public class DumpParserJumbleTests
{
    private static readonly string[] Pool =
    [
        "Devolution and the districts", "Why scrutiny still matters?", "Cities will need to lead the way\u00A0post-Brexit",
        "Catherine Staite reflects on partnerships", "Paul Bunyan", "Anthony Mason, Senior Associate INLOGOV",
        "Jane Doe & John Smith, Lecturers, INLOGOV", "Dr Jane Doe", "JANE DOE", "– Anthony Mason",
        "Anthony Mason is a senior associate at INLOGOV.", "She was previously a district council chief executive.",
        "Jane Doe and John Smith are writing a book.", "One leader put it bluntly:",
        "“Districts are the bedrock of place-shaping.”", "the districts voted to leave”.",
        "Austerity has changed the terms on which councils come to the partnership table.",
        "• leadership", "- trust", "1. momentum", "2) risk", "•", "[1] HM Treasury, Devolution Deal, 2016.",
        "Continue reading →", "continue reading", "Share this:",
        // What listing pages add: captions, dates, sentence and dashed bylines, notices, keywords, footnotes.
        "[Image: https://blog.example.org/uploads/car-park.jpg]", "Photo: the town hall in Anytown", "A fibre cabinet beside a lane",
        "27 November 2026", "14/10/2026", "31/02/2026", "Posted on 03/04/2019 by Jo Bloggs.", "June 2, 2018 by Jane Doe",
        "Posted on 21/06/2019 by admin.", "Jo Bloggs gives a first look at the housing white paper",
        "Cllr. Jo Bloggs – Chair of Scrutiny, Anytown Council", "Drs. Helen Marsh and Peter Quinn", "Jane Foster MBE",
        "Join our team", "devolution, combined authorities, mayors", "Posted in Devolution, Mayors | Leave a comment",
        "Read more »", "Notes", "[i] Interviews with directors of adult social services, 2024.",
        "Visitor levies are almost unknown in England.[1]", "Can councils still afford to innovate?",
        "Dr Ann Lee is a lecturer at INLOGOV. Professor Bo Chan is a professor of public management.",
        "Anthony Mason and Catherine Staite",
    ];

    private static readonly string[] BlankLines = ["\n\n", "\n\n\n", "\n\u00A0\n", "\n \t\n"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Parser_PlacesEveryLineOfAJumbledDumpExactlyOnce(int seed)
    {
        var random = new Random(seed);
        var articles = 0;
        for (var dump = 0; dump < 150; dump++)
        {
            var text = Jumble(random);

            var entries = DumpParser.Parse(text).ToList();

            LineAccounting.AssertEveryLinePlacedOnce(text, entries);
            var ordinals = entries.OfType<ParsedArticle>().Select(article => article.Ordinal).ToList();
            Assert.Equal(Enumerable.Range(0, ordinals.Count), ordinals);
            articles += ordinals.Count;
        }
        // The jumbles must actually contain posts, or this test proves little.
        Assert.InRange(articles, 50, int.MaxValue);
    }

    /// <summary>Mostly one-line blocks, as in real dumps, sometimes two or three lines, in any order.</summary>
    private static string Jumble(Random random)
    {
        var text = new System.Text.StringBuilder();
        var blocks = random.Next(1, 40);
        for (var block = 0; block < blocks; block++)
        {
            var lines = random.Next(4) == 0 ? random.Next(2, 4) : 1;
            for (var line = 0; line < lines; line++)
            {
                text.Append(Pool[random.Next(Pool.Length)]);
                if (line < lines - 1)
                {
                    text.Append('\n');
                }
            }
            text.Append(BlankLines[random.Next(BlankLines.Length)]);
        }
        var dump = text.ToString();
        return random.Next(3) == 0 ? dump.Replace("\n", "\r\n", StringComparison.Ordinal) : dump;
    }
}
