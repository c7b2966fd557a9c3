using System.Diagnostics;
using System.Globalization;

namespace LocalGovBlog.Benchmarks;

/// <summary>
/// Times pages of a running instance of the app on this machine (loopback only): each address is fetched
/// 3 times to warm up, then <c>runs</c> times one after another; prints p50/p95/max and the first response's
/// time, which pays for building the analysis snapshot when the coding has just changed. With a pause, each timed
/// request waits that long first (so, with <see cref="TagWriter"/> running, it comes after a write).
/// </summary>
internal static class PageLatency
{
    public static async Task RunAsync(Uri root, int runs, IReadOnlyList<string> paths, TimeSpan pause)
    {
        if (!root.IsLoopback)
        {
            throw new ArgumentException("Only an instance on this machine (127.0.0.1 or localhost) is timed.", nameof(root));
        }
        using var http = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromMinutes(2) };
        Console.WriteLine($"{"address",-70} {"bytes",9} {"first ms",9} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        foreach (var path in paths)
        {
            var first = Stopwatch.StartNew();
            var body = await FetchAsync(http, path);
            var firstMs = first.Elapsed.TotalMilliseconds;
            for (var i = 0; i < 2; i++)
            {
                await FetchAsync(http, path);
            }
            var timings = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause);
                }
                var stopwatch = Stopwatch.StartNew();
                await FetchAsync(http, path);
                timings[i] = stopwatch.Elapsed.TotalMilliseconds;
            }
            Array.Sort(timings);
            static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
            var shown = path.Length > 70 ? path[..69] + "…" : path;
            Console.WriteLine($"{shown,-70} {body,9:N0} {Ms(firstMs),9} {Ms(Percentile(timings, 0.5)),8} {Ms(Percentile(timings, 0.95)),8} {Ms(timings[^1]),8}");
        }
    }

    private static async Task<long> FetchAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).LongLength;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
