using System.Diagnostics;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --peak [leads]`: the scoring core at its limit. At <c>leads</c> (1,000,000 by default):
/// builds the batch, then scores it five times with the 40-criterion model and five times through two segments
/// (<see cref="BenchmarkData.TwoSegments"/>: two models, three products), turn about, each run compiling its scorers as
/// a rescore does. Then the same batch build and one-model scoring at three times as many leads. Prints each run, the
/// medians, the CPU time of a one-model run, and the peak memory of each phase, which BenchmarkDotNet does not report.
/// </summary>
/// <remarks>Load is the time spent building the batch's columns (<see cref="LeadBatch.Builder"/>) as the generated
/// leads stream past; generating them is not counted.</remarks>
internal static class PeakMemory
{
    private const int Runs = 5;

    public static void Run(int leads)
    {
        var (load, one, cpu) = FirstPhase(leads);
        ForgetPeak();
        var (large, largeLoad) = Build(3 * leads);
        var (largeScore, largeCpu) = ScoreRuns(large);
        var peak = PeakMegabytes();
        Console.WriteLine($"{leads}: one model {one:F0} ms (cpu {cpu:F0} ms); {3 * leads}: {largeScore:F0} ms " +
            $"(cpu {largeCpu:F0} ms), {largeScore / one:F2}x; load {load:F1} s and {largeLoad:F1} s, " +
            $"{largeLoad / load:F2}x");
        Console.WriteLine($"peak {3 * leads}: load {largeLoad:F1} s, score {largeScore:F0} ms (cpu {largeCpu:F0} ms), " +
            $"memory {peak:F0} MB; {leads}: load {load:F1} s, score {one:F0} ms");
    }

    /// <summary>The batch at <paramref name="leads"/>: its load time, and the medians of its one-model runs (wall and
    /// CPU). The batch is not kept.</summary>
    private static (double LoadSeconds, double Wall, double Cpu) FirstPhase(int leads)
    {
        var (batch, load) = Build(leads);
        var (one, cpu) = CompareSegments(batch, leads);
        Console.WriteLine($"{leads}: peak working set {PeakMegabytes():F0} MB");
        return (load, one, cpu);
    }

    /// <summary>The batch of the first <paramref name="leads"/> generated leads, and the seconds spent building
    /// it.</summary>
    private static (LeadBatch Batch, double LoadSeconds) Build(int leads)
    {
        var building = new Stopwatch();
        var clock = Stopwatch.StartNew();
        var builder = new LeadBatch.Builder();
        foreach (var lead in BenchmarkData.Leads(leads))
        {
            building.Start();
            builder.Add(lead);
            building.Stop();
        }

        building.Start();
        var batch = builder.Build();
        building.Stop();
        Console.WriteLine($"built {batch.Count:N0} leads with {batch.ActivityCount:N0} activities: " +
            $"{building.Elapsed.TotalSeconds:F1} s building, {clock.Elapsed.TotalSeconds:F1} s with generating");
        return (batch, building.Elapsed.TotalSeconds);
    }

    /// <summary>One model against two segments, turn about; the medians of the one-model runs (wall and CPU).</summary>
    private static (double Wall, double Cpu) CompareSegments(LeadBatch batch, int leads)
    {
        var model = BenchmarkData.FortyCriteria();
        var segments = BenchmarkData.TwoSegments();
        var (one, two, cpu) = (new List<double>(), new List<double>(), new List<double>());
        for (var run = 1; run <= Runs + 1; run++)
        {
            var (oneModel, oneCpu, scores) = Timed(() => new BatchScorer(model, batch).Score(BenchmarkData.AsOf));
            var (twoSegments, _, routed) = Timed(() => segments.Score(batch, BenchmarkData.AsOf));
            Console.WriteLine($"run {run}: one model {oneModel:F0} ms ({scores.IsMql.Count(m => m):N0} MQLs), " +
                $"two segments {twoSegments:F0} ms ({routed.Scores.IsMql.Count(m => m):N0} MQLs, " +
                $"{string.Join(", ", routed.CountBySegment().Select(c => $"{c.Segment} {c.Leads:N0}"))})" +
                (run == 1 ? " (warm-up, not counted)" : ""));
            if (run > 1)
            {
                one.Add(oneModel);
                two.Add(twoSegments);
                cpu.Add(oneCpu);
            }
        }

        var (oneMedian, twoMedian) = (Median(one), Median(two));
        Console.WriteLine($"segments {leads}: one model {oneMedian:F0} ms, 2 segments and 3 products " +
            $"{twoMedian:F0} ms ({twoMedian / oneMedian:F2}x)");
        return (oneMedian, Median(cpu));
    }

    /// <summary>The medians (wall and CPU) of five one-model runs after a warm-up.</summary>
    private static (double Wall, double Cpu) ScoreRuns(LeadBatch batch)
    {
        var model = BenchmarkData.FortyCriteria();
        var (wall, cpu) = (new List<double>(), new List<double>());
        for (var run = 1; run <= Runs + 1; run++)
        {
            var (time, cpuTime, scores) = Timed(() => new BatchScorer(model, batch).Score(BenchmarkData.AsOf));
            Console.WriteLine($"{batch.Count:N0} leads, run {run}: {time:F0} ms (cpu {cpuTime:F0} ms, " +
                $"{scores.IsMql.Count(m => m):N0} MQLs){(run == 1 ? " (warm-up, not counted)" : "")}");
            if (run > 1)
            {
                wall.Add(time);
                cpu.Add(cpuTime);
            }
        }

        return (Median(wall), Median(cpu));
    }

    private static double PeakMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024);
    }

    /// <summary>Gives the first phase's memory back to the system and starts the peak again from what the process
    /// holds now (Linux: "5" to /proc/self/clear_refs), so the 3M figure is that phase's own, not the 1M phase's
    /// leftovers.</summary>
    private static void ForgetPeak()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        File.WriteAllText("/proc/self/clear_refs", "5");
        Console.WriteLine($"after the first phase, memory given back: working set {PeakMegabytes():F0} MB");
    }

    private static (double Milliseconds, double CpuMilliseconds, T Result) Timed<T>(Func<T> work)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = work();
        var wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds, result);
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
}
