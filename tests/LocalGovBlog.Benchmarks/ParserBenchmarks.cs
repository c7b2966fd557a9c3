using BenchmarkDotNet.Attributes;
using LocalGovBlog.Web.Import;

namespace LocalGovBlog.Benchmarks;

/// <summary>How fast the parser turns a dump into posts: the importer's CPU floor.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private string _dump = "";

    [Params(1000)]
    public int Posts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using var writer = new StringWriter();
        new DumpGenerator().Write(writer, Posts);
        _dump = writer.ToString();
    }

    [Benchmark]
    public int ParseDump() => DumpParser.Parse(_dump).OfType<ParsedArticle>().Count();
}
