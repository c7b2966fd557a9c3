using System.Globalization;
using BenchmarkDotNet.Running;
using LocalGovBlog.Benchmarks;

// generate COUNT FILE   writes a synthetic dump of COUNT posts
// anything else         runs the BenchmarkDotNet benchmarks (pass --filter '*' to choose)
if (args is ["generate", var countText, var path])
{
    var count = int.Parse(countText, CultureInfo.InvariantCulture);
    await using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
    new DumpGenerator().Write(writer, count);
    Console.WriteLine($"Wrote {count:N0} posts to {path}");
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(DumpGenerator).Assembly).Run(args);
return 0;
