using System.Globalization;
using BenchmarkDotNet.Running;
using LocalGovBlog.Benchmarks;
using LocalGovBlog.Benchmarks.Accuracy;

// generate COUNT FILE        writes a synthetic dump of COUNT posts, with a long tail of rarer words
// search-bench DB [RUNS]     times searches and author lookups against an imported store (p50/p95)
// accuracy [CASES] [--misses] re-anchoring accuracy per edit kind, ours beside the Hypothesis matcher
// anything else              runs the BenchmarkDotNet benchmarks (pass --filter '*' to choose)
if (args is ["generate", var countText, var path])
{
    var count = int.Parse(countText, CultureInfo.InvariantCulture);
    await using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
    new DumpGenerator { RareWordShare = 0.08 }.Write(writer, count);
    Console.WriteLine($"Wrote {count:N0} posts to {path}");
    return 0;
}
if (args is ["search-bench", var database, ..])
{
    var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
    await SearchLatency.RunAsync(database, runs);
    return 0;
}
if (args is ["accuracy", ..])
{
    var casesPerKind = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 10;
    var cases = AccuracyCorpus.Cases(casesPerKind).ToList();
    var ours = AccuracyRun.Ours(cases);
    var hypothesis = AccuracyRun.Hypothesis(cases);
    if (args.Contains("--misses"))
    {
        Console.WriteLine(AccuracyRun.Misses(ours, "ours"));
        Console.WriteLine(AccuracyRun.Misses(hypothesis, "hypothesis"));
    }
    Console.WriteLine($"{cases.Count} articles, {ours.Count} tags, {AccuracyCorpus.EditKinds.Count} edit kinds (seed {AccuracyCorpus.DefaultSeed})");
    Console.WriteLine();
    Console.Write(AccuracyRun.Table(ours, hypothesis));
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(DumpGenerator).Assembly).Run(args);
return 0;
