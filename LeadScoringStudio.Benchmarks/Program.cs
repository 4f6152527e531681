using BenchmarkDotNet.Running;
using LeadScoringStudio.Benchmarks;

// Each run-once measurement by its flag (see the README's Benchmarks section); anything else goes to BenchmarkDotNet.
var runs = new Dictionary<string, Func<string[], Task>>
{
    ["--peak"] = a => Run(() => PeakMemory.Run(Number(a, 1, 1_000_000))),
    ["--ui"] = a => UiTimings.RunAsync(Argument(a, 1, "http://localhost:5275"), Argument(a, 2, "marketing@demo.local"),
        Argument(a, 3, "Marketing-demo-1"), Number(a, 4, 40)),
    ["--ui-collab"] = a => UiTimings.RunCollaborationAsync(Argument(a, 1, "http://localhost:5275"),
        Argument(a, 1, "http://localhost:5275"), Number(a, 2, 60)),
    ["--two-servers"] = a => TwoServers.RunAsync(Number(a, 1, 30), Argument(a, 2,
        Environment.GetEnvironmentVariable("STUDIO_TEST_POSTGRESQL") ?? "Host=127.0.0.1;Port=5432;Username=postgres")),
    ["--big"] = a => BigWorkspace.RunAsync(Argument(a, 1, "sqlite"), Number(a, 2, 1_000_000)),
    ["--import"] = a => StorageTimings.RunAsync(Number(a, 1, 100_000)),
    ["--import-big"] = a => BigImport.RunAsync(Number(a, 1, 1_000_000)),
    ["--workshop"] = a => OperatingSystem.IsWindows()
        ? throw new PlatformNotSupportedException("--workshop reads /proc")
        : WorkshopLoad.RunAsync(Number(a, 1, 50)),
    ["--tuning"] = a => Run(() => TuningTimings.Run(Number(a, 1, 100_000))),
    ["--tuning-bank"] = a => Run(() =>
        BankTuning.Run(Argument(a, 1, "../LeadScoringStudio.Tests/TestData/bank-marketing.csv"))),
    ["--catalog"] = a => Run(() => CatalogTimings.Run(Number(a, 1, 100_000))),
    ["--pages"] = a => Run(() => LeadPages.Run(Number(a, 1, 1_000_000))),
    ["--rescore"] = _ => StorageTimings.RescoreAsync(),
    ["--sql-parity"] = a => SqlParityRun.RunAsync(Number(a, 1, 1_000_000)),
    ["--api-key"] = a => StorageTimings.CreateKeyAsync(Argument(a, 1, "data")),
};

if (args.Length > 0 && runs.TryGetValue(args[0], out var run))
{
    await run(args);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly).Run(args);
}

static Task Run(Action measurement)
{
    measurement();
    return Task.CompletedTask;
}

static string Argument(string[] args, int index, string fallback) => args.Length > index ? args[index] : fallback;

static int Number(string[] args, int index, int fallback) =>
    args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
