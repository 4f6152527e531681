using System.Diagnostics;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --peak [leads]`: builds the batch, then scores it five times with the 40-criterion model
/// and five times through two segments (<see cref="BenchmarkData.TwoSegments"/>: two models, three products), turn
/// about, each run compiling its scorers as a rescore does. Prints each run's wall time, the medians and their ratio,
/// and the process's peak memory, which BenchmarkDotNet does not report.
/// </summary>
internal static class PeakMemory
{
    private const int Runs = 5;

    public static void Run(int leads)
    {
        var clock = Stopwatch.StartNew();
        var batch = BenchmarkData.Batch(leads);
        Console.WriteLine($"built {batch.Count:N0} leads with {batch.ActivityCount:N0} activities in " +
            $"{clock.Elapsed.TotalSeconds:F1} s");
        var model = BenchmarkData.FortyCriteria();
        var segments = BenchmarkData.TwoSegments();
        var (one, two) = (new List<double>(), new List<double>());
        for (var run = 1; run <= Runs + 1; run++)
        {
            clock.Restart();
            var scores = new BatchScorer(model, batch).Score(BenchmarkData.AsOf);
            var oneModel = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var routed = segments.Score(batch, BenchmarkData.AsOf);
            var twoSegments = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine($"run {run}: one model {oneModel:F0} ms ({scores.IsMql.Count(m => m):N0} MQLs), " +
                $"two segments {twoSegments:F0} ms ({routed.Scores.IsMql.Count(m => m):N0} MQLs, " +
                $"{string.Join(", ", routed.CountBySegment().Select(c => $"{c.Segment} {c.Leads:N0}"))})" +
                (run == 1 ? " (warm-up, not counted)" : ""));
            if (run > 1)
            {
                one.Add(oneModel);
                two.Add(twoSegments);
            }
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GB");
        var (oneMedian, twoMedian) = (Median(one), Median(two));
        Console.WriteLine($"segments {leads}: one model {oneMedian:F0} ms, 2 segments and 3 products " +
            $"{twoMedian:F0} ms ({twoMedian / oneMedian:F2}x)");
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
}
