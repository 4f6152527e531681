using BenchmarkDotNet.Running;
using LeadScoringStudio.Benchmarks;

if (args is ["--peak", ..])
{
    PeakMemory.Run(Number(args, 1, 1_000_000));
}
else if (args is ["--ui", ..])
{
    await UiTimings.RunAsync(
        Argument(args, 1, "http://localhost:5275"),
        Argument(args, 2, "marketing@demo.local"),
        Argument(args, 3, "Marketing-demo-1"),
        Number(args, 4, 40));
}
else if (args is ["--ui-collab", ..])
{
    await UiTimings.RunCollaborationAsync(Argument(args, 1, "http://localhost:5275"), Number(args, 2, 60));
}
else if (args is ["--import", ..])
{
    await StorageTimings.RunAsync(Number(args, 1, 100_000));
}
else if (args is ["--import-big", ..])
{
    await BigImport.RunAsync(Number(args, 1, 1_000_000));
}
else if (args is ["--workshop", ..] && !OperatingSystem.IsWindows())
{
    await WorkshopLoad.RunAsync(Number(args, 1, 50));
}
else if (args is ["--tuning", ..])
{
    TuningTimings.Run(Number(args, 1, 100_000));
}
else if (args is ["--tuning-bank", ..])
{
    BankTuning.Run(Argument(args, 1, "../LeadScoringStudio.Tests/TestData/bank-marketing.csv"));
}
else if (args is ["--catalog", ..])
{
    CatalogTimings.Run(Number(args, 1, 100_000));
}
else if (args is ["--pages", ..])
{
    LeadPages.Run(Number(args, 1, 1_000_000));
}
else if (args is ["--rescore", ..])
{
    await StorageTimings.RescoreAsync();
}
else if (args is ["--api-key", ..])
{
    await StorageTimings.CreateKeyAsync(Argument(args, 1, "data"));
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly).Run(args);
}

static string Argument(string[] args, int index, string fallback) => args.Length > index ? args[index] : fallback;

static int Number(string[] args, int index, int fallback) =>
    args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
