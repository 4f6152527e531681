using System.Diagnostics;
using Microsoft.Playwright;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// Browser timings against a running studio (`dotnet run -c Release -- --ui URL`), in headless Chromium:
/// how long the workbench takes to load, and how long from changing a weight to the A1–D4 grid showing
/// the new counts and the quadrant redrawn, measured inside the page (input change event → the element's
/// data-revision attribute changes).
/// </summary>
public static class UiTimings
{
    internal const string WeightInput = "[data-testid=criterion-persona-buyer] input[data-testid=points]";

    // Sets the weight to each of the values in turn; for each, the time until the element's data-revision attribute
    // changes.
    private const string ChangeWeightUntilUpdated = """
        async ([selector, watched, values]) => {
          const input = document.querySelector(selector);
          const target = document.querySelector(watched);
          const times = [];
          for (const value of values) {
            const before = target.getAttribute('data-revision');
            const updated = new Promise(resolve => {
              const watcher = new MutationObserver(() => {
                if (target.getAttribute('data-revision') !== before) { watcher.disconnect(); resolve(); }
              });
              watcher.observe(target, { attributes: true });
            });
            const start = performance.now();
            input.value = String(value);
            input.dispatchEvent(new Event('change', { bubbles: true }));
            await updated;
            times.push(performance.now() - start);
            await new Promise(r => setTimeout(r, 200));
          }
          return times;
        }
        """;

    // Waits in one page for its grid to change and resolves with the wall-clock time it did (ms since 1970).
    internal const string GridChangedAt = """
        () => new Promise(resolve => {
          const grid = document.querySelector('[data-testid=cell-grid]');
          const before = grid.getAttribute('data-revision');
          const watcher = new MutationObserver(() => {
            if (grid.getAttribute('data-revision') !== before) { watcher.disconnect(); resolve(performance.timeOrigin + performance.now()); }
          });
          watcher.observe(grid, { attributes: true });
        })
        """;

    // Changes the weight in the other page and returns the wall-clock time of the change event.
    internal const string ChangeWeightAt = """
        ([selector, value]) => {
          const input = document.querySelector(selector);
          input.value = String(value);
          const at = performance.timeOrigin + performance.now();
          input.dispatchEvent(new Event('change', { bubbles: true }));
          return at;
        }
        """;

    public static async Task RunAsync(string baseUrl, string email, string password, int rounds)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await SignInAsync(browser, baseUrl, email, password);

        var loads = new List<(double Html, double Interactive)>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            var html = clock.Elapsed.TotalMilliseconds;
            await page.WaitForSelectorAsync($"[data-interactive] {WeightInput}");
            loads.Add((html, clock.Elapsed.TotalMilliseconds));
        }

        var leads = await page.Locator("[data-testid=cell-grid] [data-testid^=count-]").AllInnerTextsAsync();
        Console.WriteLine($"Workbench over {leads.Sum(int.Parse)} leads in cells, {rounds} weight changes each:");
        Console.WriteLine($"  page load, prerendered HTML: median {Median(loads.Select(l => l.Html)):0} ms; interactive editor: median {Median(loads.Select(l => l.Interactive)):0} ms (of 5 loads)");
        Report("weight change -> grid updated (preview tab open)", await ChangeAsync(page, "[data-testid=cell-grid]", rounds));

        await page.GetByText("Quadrant", new() { Exact = true }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('quadrant-chart')?.data?.length >= 3");
        Report("weight change -> grid updated (quadrant tab open)", await ChangeAsync(page, "[data-testid=cell-grid]", rounds));
        Report("weight change -> quadrant redrawn", await ChangeAsync(page, "[data-testid=quadrant]", rounds));
    }

    /// <summary>
    /// Two people in two browser contexts: one changes a weight, the other's grid shows it. Reports the time
    /// between the change in one page and the update in the other (both pages on this machine's clock).
    /// </summary>
    /// <summary>Edits in a browser on <paramref name="editorUrl"/> and times until the grid of another on
    /// <paramref name="watcherUrl"/> (the same server, or another on the same database) shows it; returns the
    /// times.</summary>
    public static async Task<double[]> RunCollaborationAsync(string editorUrl, string watcherUrl, int rounds)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var editor = await SignInAsync(browser, editorUrl, "marketing@demo.local", "Marketing-demo-1");
        // Ops, not Sales: a Sales user who asks for no page lands on the queue.
        var watcher = await SignInAsync(browser, watcherUrl, "ops@demo.local", "Ops-demo-1");
        var times = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var seen = watcher.EvaluateAsync<double>(GridChangedAt);
            var changed = await editor.EvaluateAsync<double>(ChangeWeightAt, new object[] { WeightInput, i % 2 == 0 ? 35 : 25 });
            times[i] = await seen - changed;
            await editor.WaitForTimeoutAsync(150);
        }

        Report($"edit in one browser -> other browser's grid updated ({rounds} edits)", times);
        return times;
    }

    /// <summary>Debian's headless Chromium, as every browser benchmark here uses it.</summary>
    internal static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
    });

    /// <summary>A new browser context signed in, on <paramref name="path"/> once <paramref name="ready"/> shows (by
    /// default: the workbench's weight input, interactive).</summary>
    internal static async Task<IPage> SignInAsync(IBrowser browser, string baseUrl, string email, string password,
        string path = "/", string ready = $"[data-interactive] {WeightInput}", string? initScript = null)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseUrl, ViewportSize = new() { Width = 1366, Height = 768 },
        });
        if (initScript is not null)
        {
            await context.AddInitScriptAsync(initScript);
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(path)}");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync(ready);
        return page;
    }

    /// <summary>Changes the weight <paramref name="rounds"/> times, 35 and 25 in turn.</summary>
    private static Task<double[]> ChangeAsync(IPage page, string watched, int rounds) =>
        ChangeAsync(page, watched, Enumerable.Range(0, rounds).Select(i => i % 2 == 0 ? 35 : 25).ToList());

    /// <summary>Sets the weight to each of <paramref name="values"/> in turn; the times until the watched element
    /// changed.</summary>
    internal static Task<double[]> ChangeAsync(IPage page, string watched, IReadOnlyList<int> values) =>
        page.EvaluateAsync<double[]>(ChangeWeightUntilUpdated, new object[] { WeightInput, watched, values });

    private static void Report(string what, double[] times) =>
        Console.WriteLine($"  {what}: median {Median(times):0.0} ms, p95 {Percentile(times, 0.95):0.0} ms, max {times.Max():0.0} ms");

    private static double Median(IEnumerable<double> values) => Percentile(values.ToArray(), 0.5);

    internal static double Percentile(IReadOnlyList<double> values, double share)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];
    }
}
