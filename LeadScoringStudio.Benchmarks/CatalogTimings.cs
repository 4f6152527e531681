using System.Diagnostics;
using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Tuning;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// Times what a foreign export costs (`dotnet run -c Release -- --catalog 100000`): on leads with 40 fields, already in
/// columns as the app holds them and scored once as the tuning page does to show coverage, the field catalog (profiles
/// of every field) and the signals (levels of every field, each judged alone by the guard), then a whole model built
/// from the data (signals, guard, pairs, fit, points, limits, bands, MQL cells and the backtest).
/// </summary>
public static class CatalogTimings
{
    public static void Run(int count)
    {
        var asOf = BenchmarkData.AsOf;
        var (leads, outcomes) = WideLeads.Generate(count);
        var clock = Stopwatch.StartNew();
        var batch = LeadBatch.From(leads);
        var columnsTook = clock.ElapsedMilliseconds;
        clock.Restart();
        var coverage = ModelFromData.Coverage(StarterModel.Create(), batch, asOf);
        Console.WriteLine($"{count:N0} leads × {WideLeads.FieldCount} fields, " +
            $"{outcomes.Count(o => o is not null):N0} with an outcome; " +
            $"columns built in {columnsTook} ms (once, when the app loads its leads); " +
            $"the tuning page's coverage of the starter model {coverage:P0} in {clock.ElapsedMilliseconds} ms " +
            "(shown before a model is built)");
        var data = new TuningData(batch, outcomes, leads.Select(l => l.FirstSeenAt).ToList(), asOf, 600);
        var split = data.DefaultSplit();
        var labels = data.Labelled.Select(i => data.Outcomes[i]!.Value).ToList();
        for (var run = 0; run < 3; run++)
        {
            clock.Restart();
            var catalog = FieldCatalog.Compose(WideLeads.Fields, [], FieldProfile.Of(batch), batch.Count);
            var catalogTook = clock.Elapsed;
            var groups = Signals.For(WideLeads.Fields, batch, asOf, []);
            var verdicts = groups.AsParallel().Select(g => FieldGuard.Judge(g, null,
                g.Unusable is null ? FieldGuard.AloneAuc(g, data.Labelled, labels, split) : null)).ToList();
            var signalsTook = clock.Elapsed;
            clock.Restart();
            var (proposal, model) = ModelFromData.Propose(StarterModel.Create(), data, WideLeads.Fields, split);
            var buildTook = clock.Elapsed;
            Console.WriteLine(
                $"  run {run + 1}: catalog {catalogTook.TotalMilliseconds:0} ms ({catalog.Count} fields); " +
                $"catalog and signals {signalsTook.TotalMilliseconds:0} ms " +
                $"({groups.Sum(g => g.Signals.Count)} signals, {verdicts.Count(v => v.IsUsed)} fields used); " +
                $"model built from the data {buildTook.TotalMilliseconds:0} ms ({model.Criteria.Count} criteria, " +
                $"held-out AUC {proposal.Backtests.Single(b => b.Name == "proposed").Auc:0.000}, " +
                $"logistic fit {proposal.Backtests.Single(b => b.Name == "logistic fit").Auc:0.000})");
        }
    }
}
