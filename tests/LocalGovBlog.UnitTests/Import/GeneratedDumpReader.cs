using System.Globalization;

namespace LocalGovBlog.UnitTests.Import;

/// <summary>
/// A dump of many posts made up line by line as it is read, so a test can see how far ahead of its
/// output the parser reads, and a large dump never sits in memory. Posts vary in how they end.
/// </summary>
internal sealed class GeneratedDumpReader(int posts) : TextReader
{
    private readonly IEnumerator<string> lines = Lines(posts).GetEnumerator();

    public int LinesRead { get; private set; }

    public override string? ReadLine()
    {
        if (!lines.MoveNext())
        {
            return null;
        }
        LinesRead++;
        return lines.Current;
    }

    public override int Peek() => throw new NotSupportedException("The parser should read whole lines.");

    public override int Read() => throw new NotSupportedException("The parser should read whole lines.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lines.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>The text a reader for <paramref name="posts"/> posts produces, for tests that want a string.</summary>
    public static string Text(int posts) => string.Join("\n", Lines(posts));

    private static IEnumerable<string> Lines(int posts)
    {
        for (var i = 0; i < posts; i++)
        {
            var number = i.ToString(CultureInfo.InvariantCulture);
            var author = $"Author{(char)('A' + (i % 26))} Number{(char)('a' + (i / 26 % 26))}";
            foreach (var line in Post(i, number, author))
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<string> Post(int i, string number, string author)
    {
        yield return $"Devolution and the districts, part\u00A0{number}";
        yield return "";
        yield return i % 3 == 0 ? $"Dr {author}, Senior Associate, INLOGOV" : author;
        yield return "";
        if (i % 4 == 0)
        {
            yield return $"As deal {number} reaches the council, {author} reflects on what it means for the county.";
            yield return "";
        }
        yield return $"Deal {number} was agreed after months of negotiation between the councils and Whitehall. Its terms were announced in the budget, and the leaders have until spring to sign.";
        yield return "";
        yield return "The leaders set out three tests:";
        yield return "• control of the skills budget;";
        yield return "• a fair share of the transport fund;";
        yield return "• no mayor without a vote.";
        yield return "";
        yield return "Whether the deal passes those tests will be decided in the council chamber, not in Whitehall.";
        yield return "";
        switch (i % 3)
        {
            case 0:
                yield return "Continue reading →";
                break;
            case 1:
                yield return author;
                yield return "";
                yield return $"{author} is a researcher at INLOGOV.";
                break;
            default:
                yield return "The next post in this series looks at the districts’ side of the bargain.";
                break;
        }
        yield return "";
    }
}
