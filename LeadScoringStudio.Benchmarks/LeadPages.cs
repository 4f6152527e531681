using System.Diagnostics;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Listing;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Features.Queue;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --pages [leads]`: the server's cost of one page of the leads page and of an SDR's queue,
/// over a workspace of that many generated leads (20 activities each on average) in two segments (enterprise and the
/// rest, <see cref="BenchmarkData.TwoSegments"/>) scored by the 40-criterion model and its enterprise variant,
/// with a funnel as the lifecycle leaves it: every MQL recorded, 60 % of them owned by eight SDRs, MQL dates over the
/// last 60 days. Routed scores and funnel are loaded once, as the server keeps them; each request then runs
/// <see cref="LeadLists.Page"/> (and, for the queue, <see cref="SalesQueue.View"/>). Medians of 9 runs after a
/// warm-up.
/// </summary>
internal static class LeadPages
{
    private const int Runs = 9;

    public static void Run(int count)
    {
        var clock = Stopwatch.StartNew();
        var leads = new LeadSet(BenchmarkData.Leads(count).Select(l => new StoredLead(l, default, null)).ToList());
        var routed = BenchmarkData.TwoSegments().Score(leads.Batch, BenchmarkData.AsOf);
        var scores = routed.Scores;
        var columns = new LeadColumns(routed, Funnel(scores));
        Console.WriteLine($"built and scored {count:N0} leads with {leads.Batch.ActivityCount:N0} activities in " +
            $"{clock.Elapsed.TotalSeconds:F1} s ({scores.IsMql.Count(m => m):N0} MQLs)");

        var now = BenchmarkData.AsOf;
        var first = Median(() => LeadLists.Page(leads, columns, new LeadQuery { Take = 15 }, null, now));
        var filtered = Median(() => LeadLists.Page(leads, columns, new LeadQuery
        {
            Stage = Stage.Mql, Segment = 0, MqlSince = now.AddDays(-30),
            Order = LeadOrder.Score, Descending = true, Take = 15,
        }, null, now));
        var queue = Median(() => SalesQueue.View(LeadLists.Page(leads, columns, new LeadQuery
        {
            Stage = Stage.Mql, Owner = Sdr(0), InPool = true, FoldStalePool = true, Take = 25,
        }, null, now), now, new Dictionary<(string, string), DateTimeOffset>()));
        var deep = Median(() => LeadLists.Page(leads, columns, new LeadQuery
            { Skip = count / 2, Take = 15, Order = LeadOrder.Engagement }, null, now));
        var search = Median(() => LeadLists.Page(leads, columns, new LeadQuery { Take = 15 }, "zenith", now));
        Console.WriteLine($"page half-way through, by engagement: {deep:F0} ms; search \"zenith\": {search:F0} ms");
        Console.WriteLine($"pages {count}: leads first page {first:F0} ms, filtered {filtered:F0} ms, " +
            $"queue first page {queue:F0} ms");
    }

    private static string Sdr(int i) => $"sdr{i + 1}@demo.local";

    /// <summary>MQLs at stage MQL (three in five owned, round robin), every tenth other lead recycled.</summary>
    private static FunnelColumns Funnel(BatchScores scores)
    {
        var random = new Random(14);
        return FunnelColumns.Build(scores.Count, Enumerable.Range(0, scores.Count).Select(i => scores.IsMql[i]
            ? new FunnelEntry(i, Stage.Mql, random.NextDouble() < 0.6 ? Sdr(i % 8) : null,
                BenchmarkData.AsOf.AddHours(-random.Next(0, 60 * 24)))
            : new FunnelEntry(i, i % 10 == 0 ? Stage.Recycled : Stage.Lead, null, null)));
    }

    private static double Median(Action request)
    {
        request();
        var times = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            request();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times.Order().ElementAt(Runs / 2);
    }
}
