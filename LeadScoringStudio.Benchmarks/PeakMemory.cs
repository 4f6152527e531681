using System.Diagnostics;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --peak [leads]`: builds the batch, scores it a few times and prints the
/// wall time of each run and the process's peak memory, which BenchmarkDotNet does not report.
/// </summary>
internal static class PeakMemory
{
    public static void Run(int leads)
    {
        var clock = Stopwatch.StartNew();
        var batch = BenchmarkData.Batch(leads);
        Console.WriteLine($"built {batch.Count:N0} leads with {batch.ActivityCount:N0} activities in {clock.Elapsed.TotalSeconds:F1} s");
        var scorer = new BatchScorer(BenchmarkData.FortyCriteria(), batch);
        for (var run = 1; run <= 5; run++)
        {
            clock.Restart();
            var scores = scorer.Score(BenchmarkData.AsOf);
            Console.WriteLine($"run {run}: scored in {clock.Elapsed.TotalMilliseconds:F0} ms ({scores.IsMql.Count(m => m):N0} MQLs)");
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GB");
    }
}
