using System.Globalization;
using BenchmarkDotNet.Running;
using LocalGovBlog.Benchmarks;
using LocalGovBlog.Benchmarks.Accuracy;

// generate COUNT FILE        writes a synthetic dump of COUNT posts, with a long tail of rarer words
// search-bench DB [RUNS] [--postgres CONNECTION]  times searches and author lookups against an imported store (p50/p95);
//                            with --postgres, the same queries against a PostgreSQL store that imported the same dump
// tags DB COUNT [USERS]     adds COUNT passage tags by USERS taggers (50) in bulk (most articles none, a few heavily
//                            tagged: Zipf-like per article), and dates undated articles
// page-bench URL RUNS PATH… [--interval MS]  times pages of a running instance on this machine (p50/p95),
//                            waiting MS before each timed request when given
// tag-writer URL SECONDS [MS]  registers an account on a running instance on this machine and writes a tag every
//                            MS (1000): makes three in five, changes one, deletes one
// accuracy [CASES] [--seed N] [--misses] [--show KIND N]  re-anchoring accuracy per edit kind, ours beside the Hypothesis matcher
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
    var runs = args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
    var postgres = Array.IndexOf(args, "--postgres") is var at and >= 0 ? args[at + 1] : null;
    await SearchLatency.RunAsync(database, runs, postgres);
    return 0;
}
if (args is ["tags", var tagDatabase, var tagCount, ..])
{
    await TagGenerator.RunAsync(tagDatabase, int.Parse(tagCount, CultureInfo.InvariantCulture), args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 50);
    return 0;
}
if (args is ["page-bench", var root, var pageRuns, .. var paths])
{
    // --interval MS: a pause between timed requests, so each comes after the writes of tag-writer running alongside.
    var i = Array.IndexOf(paths, "--interval");
    var pause = i >= 0 ? TimeSpan.FromMilliseconds(int.Parse(paths[i + 1], CultureInfo.InvariantCulture)) : TimeSpan.Zero;
    await PageLatency.RunAsync(new Uri(root), int.Parse(pageRuns, CultureInfo.InvariantCulture), [.. paths.Where((_, k) => i < 0 || (k != i && k != i + 1))], pause);
    return 0;
}
if (args is ["tag-writer", var writeRoot, var writeSeconds, ..])
{
    await TagWriter.RunAsync(new Uri(writeRoot), int.Parse(writeSeconds, CultureInfo.InvariantCulture),
        TimeSpan.FromMilliseconds(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1000));
    return 0;
}
if (args is ["accuracy", ..])
{
    var casesPerKind = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 10;
    var seed = Array.IndexOf(args, "--seed") is var at and >= 0 && at + 1 < args.Length
        ? int.Parse(args[at + 1], CultureInfo.InvariantCulture)
        : AccuracyCorpus.DefaultSeed;
    var cases = AccuracyCorpus.Cases(casesPerKind, seed).ToList();
    var ours = AccuracyRun.Ours(cases);
    var hypothesis = AccuracyRun.Hypothesis(cases);
    if (Array.IndexOf(args, "--show") is var show and >= 0 && show + 2 < args.Length)
    {
        // --show KIND N: the old and new text of one case, to see why a tag went where it did.
        var one = cases.Single(c => c.EditKind == args[show + 1] && c.Number == int.Parse(args[show + 2], CultureInfo.InvariantCulture));
        Console.WriteLine($"--- old ---\n{one.OldText}\n--- new ---\n{one.NewText}\n---");
    }
    if (args.Contains("--misses"))
    {
        Console.WriteLine(AccuracyRun.Misses(ours, "ours"));
        Console.WriteLine(AccuracyRun.Misses(hypothesis, "hypothesis"));
    }
    Console.WriteLine($"{cases.Count} articles, {ours.Count} tags, {AccuracyCorpus.EditKinds.Count} edit kinds (seed {seed})");
    Console.WriteLine();
    Console.Write(AccuracyRun.Table(ours, hypothesis));
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(DumpGenerator).Assembly).Run(args);
return 0;
