using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --import-big [rows]`: imports big files through the real import page, as Ops does, into a
/// studio server this benchmark starts (the Release build, demo seeding of 1,000 leads, a data folder of its own):
/// - a million-row leads file (about 120 MB): upload to import done, with the server's resident memory sampled every
///   100 ms against its idle level (signed in, on the import page);
/// - on a second server: a 500-column file (10,000 rows), upload to import done; then a kill -9 of that server a
///   quarter into writing another million-row file, and its database compared with before.
/// </summary>
internal static class BigImport
{
    private const int Port = 5391;
    private const int WideRows = 10_000;
    private const int WideColumns = 500;

    // Resolves once the import page says it has written at least `least` rows.
    private const string RowsWrittenAtLeast = """
        least => Number(/Written ([0-9,]+) of/
            .exec(document.querySelector('[data-testid=import-working]')?.textContent ?? '')?.[1]
            ?.replaceAll(',', '') ?? 0) >= least
        """;

    public static async Task RunAsync(int rows)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lss-import-big-" + Guid.NewGuid().ToString("N"));
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(folder);
        var leads = Path.Combine(folder, "crm-export.csv");
        var late = Path.Combine(folder, "late-export.csv");
        var wide = Path.Combine(folder, "wide-export.csv");
        WriteLeads(leads, rows, "crm");
        WriteLeads(late, rows, "late");
        WriteWide(wide);
        Console.WriteLine($"files: {Path.GetFileName(leads)} {rows:N0} rows " +
            $"{Megabytes(new FileInfo(leads).Length):0} MB, {Path.GetFileName(wide)} {WideRows:N0} rows x " +
            $"{WideColumns} columns {Megabytes(new FileInfo(wide).Length):0} MB");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await UiTimings.LaunchAsync(playwright);

        TimeSpan took;
        double idle;
        double peak;
        using (var server = await StudioServer.StartAsync(Path.Combine(folder, "million"), Port, leadCount: 1000))
        {
            var page = await SignInAsync(browser);
            await Task.Delay(TimeSpan.FromSeconds(5)); // the start-up rescore
            idle = server.ResidentMegabytes();
            using var sampler = new Sampler(server);
            took = await ImportAsync(page, leads);
            peak = sampler.Peak;
            Console.WriteLine($"{rows:N0} rows: {took.TotalSeconds:0.0} s from picking the file to import done; " +
                $"server memory idle {idle:0} MB, peak {peak:0} MB");
            await page.Context.CloseAsync();
        }

        TimeSpan wideTook;
        string killed;
        var other = Path.Combine(folder, "wide-and-kill");
        using (var server = await StudioServer.StartAsync(other, Port, leadCount: 1000))
        {
            var page = await SignInAsync(browser);
            wideTook = await ImportAsync(page, wide);
            Console.WriteLine(
                $"{WideColumns} columns: {wideTook.TotalSeconds:0.0} s from picking the file to import done");
            await Task.Delay(TimeSpan.FromSeconds(5)); // the background rescore of the new leads
            var before = State(other);
            await StartImportAsync(page, late);
            await page.WaitForFunctionAsync(RowsWrittenAtLeast, rows / 4,
                new() { Timeout = 30 * 60_000, PollingInterval = 200 });
            server.Kill();
            var after = State(other);
            killed = before == after ? "unchanged" : "CHANGED";
            Console.WriteLine($"kill -9 a quarter into writing {Path.GetFileName(late)}: " +
                $"database before {before}, after {after}");
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import-big: {rows} rows {took.TotalSeconds:0.0} s, peak above idle {peak - idle:0} MB, " +
            $"{WideColumns} columns {wideTook.TotalSeconds:0.0} s, kill mid-write: {killed}"));
    }

    private static Task<IPage> SignInAsync(IBrowser browser) =>
        UiTimings.SignInAsync(browser, StudioServer.UrlOf(Port), "ops@demo.local", "Ops-demo-1", "/import",
            "[data-interactive]");

    private static async Task<TimeSpan> ImportAsync(IPage page, string file)
    {
        var clock = Stopwatch.StartNew();
        await StartImportAsync(page, file);
        await page.GetByTestId("import-done").WaitForAsync(new() { Timeout = 60 * 60_000 });
        return clock.Elapsed;
    }

    /// <summary>Picks the file, waits for the mapping, checks, and presses Import.</summary>
    private static async Task StartImportAsync(IPage page, string file)
    {
        await page.GotoAsync("/import");
        await page.WaitForFunctionAsync(
            "() => document.querySelector('[data-testid=leads-file]')?.dataset.listening === 'true'");
        await page.GetByTestId("leads-file").SetInputFilesAsync(file);
        var check = page.GetByTestId("check");
        await check.WaitForAsync(new() { Timeout = 30 * 60_000 });
        await page.WaitForFunctionAsync("() => !document.querySelector('[data-testid=check]').disabled",
            null, new() { Timeout = 30 * 60_000 });
        await check.ClickAsync();
        await page.GetByTestId("check-summary").WaitForAsync(new() { Timeout = 30 * 60_000 });
        await page.GetByTestId("import").ClickAsync();
    }

    /// <summary>What a kill must not change: the leads (count and every attribute's text) and the import
    /// history.</summary>
    private static string State(string data)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "studio.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM Leads), " +
            "(SELECT COALESCE(SUM(LENGTH(AttributesJson)), 0) FROM Leads), " +
            "(SELECT COUNT(*) FROM Imports), (SELECT COUNT(*) FROM Fields)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return string.Create(CultureInfo.InvariantCulture,
            $"{reader.GetInt64(0)} leads / {reader.GetInt64(1)} attribute bytes / " +
            $"{reader.GetInt64(2)} imports / {reader.GetInt64(3)} fields");
    }

    private static void WriteLeads(string path, int rows, string prefix)
    {
        string[] seniorities = ["VP", "Director", "Manager", "Individual contributor", "C-level", "unknown"];
        string[] industries =
            ["Software", "Retail", "Banking", "Manufacturing", "Health care", "Education", "Logistics"];
        string[] countries = ["Germany", "France", "United States", "United Kingdom", "Spain", "Netherlands"];
        var random = new Random(41);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.WriteLine("id,name,email,company,job_title,seniority,industry,company_size,annual_revenue,country," +
            "budget_confirmed,outcome");
        for (var i = 0; i < rows; i++)
        {
            var company = $"Company {random.Next(200_000)} GmbH";
            var seniority = seniorities[random.Next(seniorities.Length)];
            var industry = industries[random.Next(industries.Length)];
            var (size, revenue) = (random.Next(1, 20_000), random.Next(100_000, 90_000_000));
            var country = countries[random.Next(countries.Length)];
            var budget = random.Next(2) == 0 ? "yes" : "no";
            var outcome = random.Next(5) switch { 0 => "won", 1 => "lost", _ => "" };
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{prefix}-{i:D7},Lead Number {i},lead{i}@{prefix}-example.com,{company},Head of Operations," +
                $"{seniority},{industry},{size},{revenue},{country},{budget},{outcome}"));
        }
    }

    private static void WriteWide(string path)
    {
        var random = new Random(43);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.WriteLine("id," + string.Join(",", Enumerable.Range(1, WideColumns - 1).Select(c => $"answer {c}")));
        for (var i = 0; i < WideRows; i++)
        {
            writer.Write($"wide-{i}");
            for (var c = 1; c < WideColumns; c++)
            {
                writer.Write(c % 3 == 0
                    ? (random.Next(2) == 0 ? ",yes" : ",no")
                    : string.Create(CultureInfo.InvariantCulture, $",{random.Next(1000)}"));
            }

            writer.WriteLine();
        }
    }

    private static double Megabytes(long bytes) => bytes / 1024.0 / 1024.0;

    /// <summary>The server's resident memory, every 100 ms, until disposed.</summary>
    private sealed class Sampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;

        public Sampler(StudioServer server) => _sampling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Peak = Math.Max(Peak, server.ResidentMegabytes());
                await Task.Delay(100);
            }
        });

        public double Peak { get; private set; }

        public void Dispose()
        {
            _stop.Cancel();
            _sampling.Wait();
            _stop.Dispose();
        }
    }
}
