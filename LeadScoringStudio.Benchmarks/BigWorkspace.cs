using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --big sqlite|postgresql [leads]`: a million-lead workspace on one server, measured from
/// outside as people use it. It starts what it needs itself: a PostgreSQL server when asked for (see
/// <see cref="PrivatePostgreSql"/>), the Release studio as its own process, headless Chromium.
/// <list type="number">
/// <item>The studio seeds its demo workspace with one generated lead (users, models, segments, examples); then
/// <see cref="BigLeadWriter"/> writes the rest of the million leads (20 million activities) into its database, and the
/// studio runs once to give every lead its state (the first rescore, every lead new).</item>
/// <item>One lead in ten gets a stored score that no longer holds, as after a publish that moves a tenth of the
/// leads; then the measured start: launch until <c>/health/ready</c> says the leads are loaded.</item>
/// <item>The rescore that follows at start (every lead scored, a tenth written), as the studio logs it.</item>
/// <item>In the browser, as Marketing: sign-in until the workbench is interactive; twenty weight edits, each to a value
/// not scored before, until the grid shows each (p95); the leads page from the navigation until its first rows show
/// (median of five visits, the first one too); the scored-leads download.</item>
/// <item>The server's peak resident memory over all of it.</item>
/// </list>
/// </summary>
internal static partial class BigWorkspace
{
    private const int Port = 5291;
    private const int Edits = 20;
    private const int LeadsPageVisits = 5;

    /// <summary>The demo seeds the examples and this many generated leads (its least); the rest are written.</summary>
    private const int DemoLeads = 1;

    public static async Task RunAsync(string provider, int leads)
    {
        var postgreSql = provider.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);
        var name = postgreSql ? "postgresql" : "sqlite";
        var folder = Directory.CreateTempSubdirectory("lss-big.").FullName;
        await using var server = postgreSql ? await PrivatePostgreSql.StartAsync() : null;
        var connection = server is null
            ? $"Data Source={Path.Combine(folder, "studio.db")}"
            : await server.CreateDatabaseAsync("studio_big");
        var settings = new Dictionary<string, string>
        {
            ["Logging__LogLevel__LeadScoringStudio.Features.Pipeline"] = "Information",
            ["Logging__LogLevel__LeadScoringStudio.Features.Leads"] = "Information",
        };
        if (postgreSql)
        {
            settings["Storage__Provider"] = "PostgreSql";
            settings["ConnectionStrings__Studio"] = connection;
        }

        try
        {
            using (await StudioServer.StartAsync(folder, Port, DemoLeads, settings))
            {
                Console.WriteLine("seeded the demo workspace with one generated lead");
            }

            var written = await BigLeadWriter.WriteAsync(postgreSql, connection, DemoLeads, leads - DemoLeads,
                DateTimeOffset.UtcNow);
            Console.WriteLine($"wrote {written.Leads:N0} leads with {written.Activities:N0} activities in " +
                $"{written.Took.TotalSeconds:F0} s");
            using (var first = await StudioServer.StartAsync(folder, Port, DemoLeads, settings))
            {
                Console.WriteLine($"first rescore (every lead new): {await RescoreAsync(first) / 1000:F0} s");
            }

            var moved = await BigDatabase.MoveEveryTenthAsync(postgreSql, connection);
            Console.WriteLine($"{moved:N0} stored scores made stale (one lead in ten)");
            await MeasureAsync(name, folder, settings);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureAsync(string name, string folder, Dictionary<string, string> settings)
    {
        var clock = Stopwatch.StartNew();
        using var studio = await StudioServer.StartAsync(folder, Port, DemoLeads, settings, ready: "/health/ready");
        var start = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"start: {start:F1} s ({studio.Lines.LastOrDefault(l => l.Contains("Loaded ")) ?? "?"})");
        var rescore = await RescoreAsync(studio) / 1000;
        Console.WriteLine($"rescore: {rescore:F1} s ({studio.Lines.Last(l => l.Contains("Rescored ")).Trim()})");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await UiTimings.LaunchAsync(playwright);
        clock.Restart();
        var page = await UiTimings.SignInAsync(browser, studio.Url, "marketing@demo.local", "Marketing-demo-1");
        var interactive = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"workbench interactive (from the sign-in page): {interactive:F1} s");
        var edits = await UiTimings.ChangeAsync(page, "[data-testid=cell-grid]",
            Enumerable.Range(0, Edits).Select(i => 11 + i).ToList());
        var edit = UiTimings.Percentile(edits, 0.95);
        Console.WriteLine($"edit -> grid, {Edits} edits to new values: median {UiTimings.Percentile(edits, 0.5):F0} " +
            $"ms, p95 {edit:F0} ms, max {edits.Max():F0} ms");
        var pages = new List<double>();
        for (var i = 0; i < LeadsPageVisits; i++)
        {
            pages.Add(await LeadsPageAsync(page));
        }

        var leadsPage = UiTimings.Percentile(pages, 0.5);
        Console.WriteLine($"leads page, first page from the navigation, {LeadsPageVisits} visits: median " +
            $"{leadsPage:F0} ms (first {pages[0]:F0} ms, all {string.Join(", ", pages.Select(p => $"{p:F0}"))})");
        clock.Restart();
        var export = await page.APIRequest.GetAsync("/export/leads.csv", new() { Timeout = 600_000 });
        var rows = (await export.TextAsync()).Count(c => c == '\n') - 1;
        Console.WriteLine($"export: {rows:N0} rows in {clock.Elapsed.TotalSeconds:F1} s (HTTP {export.Status})");
        var memory = studio.PeakResidentMegabytes();
        Console.WriteLine($"big {name}: start {start:F1} s, memory {memory:F0} MB, interactive {interactive:F1} s, " +
            $"edit {edit:F0} ms, leads page {leadsPage:F0} ms, rescore {rescore:F1} s");
    }

    /// <summary>From the workbench, the leads page through the navigation: until its first rows show (ms); then
    /// back.</summary>
    private static async Task<double> LeadsPageAsync(IPage page)
    {
        var clock = Stopwatch.StartNew();
        await page.ClickAsync("nav a[href='leads']");
        await page.WaitForSelectorAsync("[data-testid=lead-link]", new() { Timeout = 120_000 });
        var took = clock.Elapsed.TotalMilliseconds;
        await page.GoBackAsync();
        await page.WaitForSelectorAsync($"[data-interactive] {UiTimings.WeightInput}", new() { Timeout = 120_000 });
        return took;
    }

    /// <summary>Waits for the studio's next "Rescored …" log line; the milliseconds the rescore took, as it logs
    /// them.</summary>
    private static async Task<double> RescoreAsync(StudioServer studio)
    {
        for (var waited = 0; waited < 3600; waited++)
        {
            if (studio.Lines.LastOrDefault(l => l.Contains("Rescored ")) is { } line)
            {
                return double.Parse(RescoreTime().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException("The studio did not rescore within an hour.");
    }

    [GeneratedRegex(@"in (\d+) ms")]
    private static partial Regex RescoreTime();
}
