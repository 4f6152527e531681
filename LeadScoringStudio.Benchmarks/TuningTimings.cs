using System.Diagnostics;
using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Tuning;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// Times tuning on generated labelled leads (`dotnet run -c Release -- --tuning 100000`): a full weight
/// suggestion (signals, field guard, fit, points, backtests) on leads in columns, as the app holds them,
/// and a backtest of one version (score + AUC). Building the columns from lead objects is timed apart.
/// </summary>
public static class TuningTimings
{
    public static void Run(int count)
    {
        var asOf = DateTimeOffset.UtcNow;
        var generated = new DemoDataGenerator(2026, asOf).GenerateMany(count).ToList();
        var leads = generated.Select(g => g.Lead).ToList();
        var outcomes = generated.Select(g => (bool?)g.Converted).ToList();
        var model = StarterModel.Create();
        var fields = model.Fields.Select(f => CatalogField.Guess(f.Name, f.Type, f.Label)).ToList();
        Console.WriteLine($"{count:N0} labelled leads, {outcomes.Count(o => o == true) * 100.0 / count:0.0}% " +
            $"converted, {leads.Sum(l => l.Activities.Count):N0} activities");

        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            var batch = LeadBatch.From(leads);
            var batchTook = clock.Elapsed;
            clock.Restart();
            var data = new TuningData(batch, outcomes, leads.Select(l => l.FirstSeenAt).ToList(), asOf, 60);
            var suggestion = WeightSuggester.Suggest(model, data, fields);
            var suggestTook = clock.Elapsed;
            clock.Restart();
            var preview = DraftPreview.Of(suggestion, [], fitScale: true);
            var previewTook = clock.Elapsed;
            clock.Restart();
            var scores = new BatchScorer(model, batch).Score(asOf);
            var auc = Metrics.Auc(scores.Total.Select(t => (double)t).ToList(), outcomes.Select(o => o == true)
                .ToList());
            var backtestTook = clock.Elapsed;
            Console.WriteLine($"  run {run + 1}: columnar batch {batchTook.TotalMilliseconds:0} ms " +
                $"(the app keeps it); suggestion {suggestTook.TotalMilliseconds:0} ms " +
                $"({suggestion.Weights.Count} features; " +
                $"held-out AUC current {suggestion.Backtests[0].Auc:0.000}); " +
                $"the draft it suggests, fitted and judged {previewTook.TotalMilliseconds:0} ms " +
                $"(AUC {preview.Backtest.Auc:0.000}); " +
                $"backtest of one version {backtestTook.TotalMilliseconds:0} ms (AUC {auc:0.000})");
        }
    }
}
