using System.Diagnostics;
using System.Globalization;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// The studio's build (Release for the benchmarks, the build they run from for the tests, which link this file) as
/// its own process on its own data folder (seeded with the demo workspace of <c>leadCount</c> leads), with what a
/// benchmark or a test reads from outside: its CPU time and resident memory from /proc, the lines it logged, and
/// kill -9.
/// </summary>
internal sealed class StudioServer : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();
    private int _errorLines;

    private StudioServer(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Lines the server logged at error level or above (or to standard error) since it started.</summary>
    public int ErrorLines => Volatile.Read(ref _errorLines);

    public static string UrlOf(int port) => $"http://127.0.0.1:{port}";

    /// <summary>Every line the server wrote, in order.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Starts the studio and waits (up to an hour) until <paramref name="ready"/> answers 200.</summary>
    public static async Task<StudioServer> StartAsync(string data, int port, int leadCount,
        IReadOnlyDictionary<string, string>? settings = null, string build = "Release", string ready = "/account/login")
    {
        var app = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..",
            "LeadScoringStudio", "bin", build, "net10.0", "LeadScoringStudio.dll"));
        var url = UrlOf(port);
        var start = new ProcessStartInfo("dotnet", $"\"{app}\" --urls {url}")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!, RedirectStandardOutput = true,
                RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__DataFolder"] = data;
        start.Environment["Demo__LeadCount"] = leadCount.ToString(CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var server = new StudioServer(process, url);
        process.OutputDataReceived += (_, e) => server.Take(e.Data, toError: false);
        process.ErrorDataReceived += (_, e) => server.Take(e.Data, toError: true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient();
        for (var waited = 0; waited < 36_000; waited++)
        {
            try
            {
                if ((await client.GetAsync($"{url}{ready}")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        server.Dispose();
        throw new InvalidOperationException($"The studio did not answer {ready}: " +
            string.Join(Environment.NewLine, server.Lines.TakeLast(20)));
    }

    public double ResidentMegabytes() => StatusMegabytes("VmRSS:");

    /// <summary>The most resident memory the process has had since it started.</summary>
    public double PeakResidentMegabytes() => StatusMegabytes("VmHWM:");

    private double StatusMegabytes(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status")
            .First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>User plus system CPU time the process has used, from /proc/PID/stat (in clock ticks of 10
    /// ms).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12],
            CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>kill -9: no shutdown, no flush.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Take(string? line, bool toError)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        if (toError || line.StartsWith("fail:", StringComparison.Ordinal)
            || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _errorLines);
            Console.Error.WriteLine($"  server: {line}");
        }
    }
}
