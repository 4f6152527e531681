using System.Globalization;
using Microsoft.Playwright;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --workshop N`: a workshop room. Starts the studio's Release build on a fresh demo
/// database (5,000 generated leads and the 12 examples), opens N signed-in workbenches in headless Chromium (the
/// demo's Marketing, Sales and Ops accounts in turn, each its own browser context and circuit, the preview tab open
/// and the quadrant tab closed), and makes 30 weight edits in the first one, 2 s apart, after 10 not measured (the
/// JIT compiles the edit path on the first ones). Reports:
/// - server CPU per edit: the process's CPU time (/proc/PID/stat) from each edit until every other grid showed it
///   and the editor's commit had landed, less what the server burns idle with N open over the same time (measured
///   for 10 s before and after the edits);
/// - how long after each edit every other workbench's grid showed it (median and p95 over all of them);
/// - the server's resident memory per open circuit, reconnects and error lines.
/// The browser's load is kept off the server where it can be: Chromium runs at nice 19, pages are opened one by one
/// and edits are 2 s apart, so the server is never starved by rendering it did not cause.
/// </summary>
internal static class WorkshopLoad
{
    private const int Port = 5392;
    private const int Edits = 30;

    private static readonly (string Email, string Password)[] Accounts =
    [
        ("marketing@demo.local", "Marketing-demo-1"), ("sales@demo.local", "Sales-demo-1"),
        ("ops@demo.local", "Ops-demo-1"),
    ];

    // Counts Blazor's reconnect dialog showing, from the page's start.
    private const string CountReconnects = """
        window.__reconnects = 0;
        document.addEventListener('components-reconnect-state-changed', e => {
          if (e.detail?.state === 'show') window.__reconnects++;
        });
        """;

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static async Task RunAsync(int workbenches)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lss-workshop-" + Guid.NewGuid().ToString("N"));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = NiceChromium(folder), Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-renderer-backgrounding",
                "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
        });
        using var server = await StudioServer.StartAsync(Path.Combine(folder, "data"), Port, leadCount: 5000);
        await Task.Delay(TimeSpan.FromSeconds(5)); // the start-up rescore
        var idle = server.ResidentMegabytes();

        var pages = new List<IPage>();
        for (var i = 0; i < workbenches; i++)
        {
            var (email, password) = Accounts[i % Accounts.Length];
            // The workshop's link names its model: a Sales user who asks for no page would land on the queue.
            pages.Add(await UiTimings.SignInAsync(browser, server.Url, email, password, "/?model=starter-model",
                initScript: CountReconnects));
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var perCircuit = (server.ResidentMegabytes() - idle) / workbenches;
        var editor = pages[0];
        var others = pages.Skip(1).ToList();
        var latencies = new List<double>();
        var own = new List<double>();
        // A server that has run for a while has its hot paths compiled: ten edits first, not measured.
        for (var warmUp = 0; warmUp < 10; warmUp++)
        {
            await editor.EvaluateAsync<double>(UiTimings.ChangeWeightAt,
                new object[] { UiTimings.WeightInput, warmUp % 2 == 0 ? 30 : 20 });
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var idleBefore = await IdleRateAsync(server);
        var windows = TimeSpan.Zero;
        var cpuInWindows = TimeSpan.Zero;
        for (var edit = 0; edit < Edits; edit++)
        {
            var seen = others.Select(p => p.EvaluateAsync<double>(UiTimings.GridChangedAt)).ToList();
            var ownSeen = editor.EvaluateAsync<double>(UiTimings.GridChangedAt);
            await Task.Delay(50); // every watcher is in place
            var window = System.Diagnostics.Stopwatch.StartNew();
            var cpuAtStart = server.CpuTime();
            var changedAt = await editor.EvaluateAsync<double>(UiTimings.ChangeWeightAt,
                new object[] { UiTimings.WeightInput, edit % 2 == 0 ? 35 : 25 });
            own.Add(await ownSeen - changedAt);
            foreach (var at in await Task.WhenAll(seen.Select(s => s.WaitAsync(TimeSpan.FromSeconds(60)))))
            {
                latencies.Add(at - changedAt);
            }

            // The edit's work is done once its commit has landed in the editor and every other grid shows it.
            await editor.GetByTestId("saving").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await Task.Delay(200);
            cpuInWindows += server.CpuTime() - cpuAtStart;
            windows += window.Elapsed;
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var idleRate = (idleBefore + await IdleRateAsync(server)) / 2;
        var cpuPerEdit = (cpuInWindows.TotalMilliseconds - (idleRate * windows.TotalSeconds)) / Edits;
        var reconnects = 0;
        foreach (var page in pages)
        {
            reconnects += await page.EvaluateAsync<int>("() => window.__reconnects");
        }

        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }

        var errors = server.ErrorLines;
        server.Kill();
        Directory.Delete(folder, recursive: true);
        Console.WriteLine(
            $"own grid after an edit: median {Percentile(own, 0.5):0} ms, p95 {Percentile(own, 0.95):0} ms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server CPU from each edit until every grid showed it and its commit landed: " +
            $"{cpuInWindows.TotalMilliseconds / Edits:0} ms per edit in {windows.TotalMilliseconds / Edits:0} ms; " +
            $"with {workbenches} workbenches open and nobody editing the server uses {idleRate:0} ms per second " +
            $"(10 s before and after the edits), subtracted for the figure below"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"workshop N={workbenches}: server CPU per edit {cpuPerEdit:0} ms, others p50 " +
            $"{(latencies.Count == 0 ? 0 : Percentile(latencies, 0.5)):0} ms p95 " +
            $"{(latencies.Count == 0 ? 0 : Percentile(latencies, 0.95)):0} ms, " +
            $"memory per circuit {perCircuit:0.0} MB, " +
            $"reconnects {reconnects}, errors {errors}"));
    }

    /// <summary>The server's CPU time per second of wall time over 10 s in which nobody does anything.</summary>
    private static async Task<double> IdleRateAsync(StudioServer server)
    {
        var from = server.CpuTime();
        await Task.Delay(TimeSpan.FromSeconds(10));
        return (server.CpuTime() - from).TotalMilliseconds / 10;
    }

    /// <summary>A wrapper that starts Debian's Chromium at the lowest CPU priority.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string NiceChromium(string folder)
    {
        Directory.CreateDirectory(folder);
        var script = Path.Combine(folder, "chromium-nice");
        File.WriteAllText(script, "#!/bin/sh\nexec nice -n 19 /usr/bin/chromium \"$@\"\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    private static double Percentile(IReadOnlyList<double> values, double share)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];
    }
}
