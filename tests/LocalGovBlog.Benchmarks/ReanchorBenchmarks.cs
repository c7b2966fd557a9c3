using System.Text;
using BenchmarkDotNet.Attributes;
using LocalGovBlog.Web.Annotations;

namespace LocalGovBlog.Benchmarks;

/// <summary>
/// Re-anchoring every tag on a 100 KB article with 1,000 tags after a re-import edited it in
/// 40 places (sentences inserted, deleted and reworded, some of them tagged): the budget is 50 ms.
/// </summary>
[MemoryDiagnoser]
public class ReanchorBenchmarks
{
    private const int TextLength = 100_000;
    private const int Tags = 1000;
    private const int Edits = 40;

    private string _old = "";
    private string _new = "";
    private PassageSelector[] _tags = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var sentences = new List<string>();
        var length = 0;
        for (var i = 0; length < TextLength; i++)
        {
            var sentence = Sentence(random, i) + (random.Next(6) == 0 ? "\n\n" : " ");
            sentences.Add(sentence);
            length += sentence.Length;
        }
        _old = string.Concat(sentences);
        _tags = new PassageSelector[Tags];
        for (var i = 0; i < Tags; i++)
        {
            var start = random.Next(0, _old.Length - 400);
            var end = start + random.Next(12, 300);
            _tags[i] = PassageSelector.Of(_old, start, end);
        }
        for (var e = 0; e < Edits; e++)
        {
            var at = random.Next(sentences.Count);
            switch (e % 3)
            {
                case 0: sentences.Insert(at, Sentence(random, 10_000 + e) + " "); break;
                case 1: sentences.RemoveAt(at); break;
                default: sentences[at] = sentences[at].Replace(" the ", " a ", StringComparison.Ordinal); break;
            }
        }
        _new = string.Concat(sentences);
    }

    [Benchmark]
    public int ReanchorThousandTagsOn100KbArticle()
    {
        var anchor = new PassageAnchor(_old, _new);
        var found = 0;
        foreach (var tag in _tags)
        {
            found += anchor.Reanchor(tag).Outcome == AnchorOutcome.Orphaned ? 0 : 1;
        }
        return found;
    }

    [Benchmark]
    public int ReanchorThousandTagsOnUnchangedArticle()
    {
        var anchor = new PassageAnchor(_old, _old);
        var found = 0;
        foreach (var tag in _tags)
        {
            found += anchor.Reanchor(tag).Outcome == AnchorOutcome.Kept ? 1 : 0;
        }
        return found;
    }

    private static readonly string[] Words =
    [
        "council", "mayor", "devolution", "the", "combined", "authority", "budget", "scrutiny", "housing", "care",
        "partnership", "leader", "audit", "grant", "services", "residents", "Whitehall", "deal", "powers", "of",
        "and", "to", "in", "local", "public", "health", "finance", "reform", "district", "county",
    ];

    private static string Sentence(Random random, int n)
    {
        var builder = new StringBuilder();
        var words = random.Next(8, 24);
        for (var i = 0; i < words; i++)
        {
            builder.Append(i == 0 ? "" : " ").Append(Words[random.Next(Words.Length)]);
        }
        return builder.Append(' ').Append(n).Append('.').ToString();
    }
}
