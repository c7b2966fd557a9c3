using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LocalGovBlog.IntegrationTests.Deployment;

/// <summary>A program run as an operator runs it, in its own process, with its output kept for the test to read.
/// Disposing stops it and everything it started.</summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiteProcess(Process process) => _process = process;

    /// <summary>Everything the program wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static SiteProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Nothing of the test run's own environment that would change how the site runs.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var site = new SiteProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        site._process.OutputDataReceived += (_, line) => site.Append(line.Data);
        site._process.ErrorDataReceived += (_, line) => site.Append(line.Data);
        site._process.Start();
        site._process.BeginOutputReadLine();
        site._process.BeginErrorReadLine();
        return site;
    }

    /// <summary>Runs a command to the end and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IDictionary<string, string> environment, TimeSpan timeout)
    {
        await using var process = Start(fileName, arguments, workingDirectory, environment);
        var exitCode = await process.WaitForExitAsync(timeout);
        return (exitCode ?? throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in {timeout}:\n{process.Output}"), process.Output);
    }

    /// <summary>The exit code, or null if the program is still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            _process.WaitForExit(); // drains the output
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Waits until <paramref name="url"/> answers 200, failing early with the output if the program exits.</summary>
    public async Task WaitUntilAnswersAsync(HttpClient client, string url, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The program exited with {_process.ExitCode} before {url} answered:\n{Output}");
            }
            try
            {
                using var response = await client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{url} did not answer 200 within {timeout}:\n{Output}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>A TCP port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
