using System.Diagnostics;
using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Tuning;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// The bank export, as a new user takes it through the app (`dotnet run -c Release -- --tuning-bank PATH`): import with
/// guessed types and the row number as id, the guard with nothing marked, `duration` marked as after contact, a model
/// built from the data, tuned and applied, judged on the data set's fixed split (rows 0, 3 and 7 of every ten held
/// out).
/// </summary>
public static class BankTuning
{
    public static void Run(string path)
    {
        var clock = Stopwatch.StartNew();
        var table = CsvFile.Read(Path.GetFileName(path), File.ReadAllBytes(path)).Table
            ?? throw new InvalidOperationException($"{path} cannot be read as CSV.");
        var mapping = MappingSuggestions.ForLeads(table, StarterModel.Create(),
            ColumnGuess.Of(table, ImportOptions.Default));
        var plan = LeadImport.Plan(table, mapping, ImportOptions.Default with { RowNumberIds = true });
        var leads = plan.ReadLeads().Select(l => new Lead(l.Id, l.Attributes, [])).ToList();
        var data = new TuningData(LeadBatch.From(leads),
            plan.ReadLeads().Select(l => (bool?)(l.Outcome == LeadOutcome.Converted)).ToList(),
            leads.Select(_ => (DateTimeOffset?)null).ToList(), DateTimeOffset.UtcNow, 150);
        var rows = Enumerable.Range(0, leads.Count).ToList();
        var split = new Split(rows.Where(i => i % 10 is not (0 or 3 or 7)).ToList(),
            rows.Where(i => i % 10 is 0 or 3 or 7).ToList(), "fixed");
        var fields = mapping.Where(m => m.Target == ColumnTarget.Attribute)
            .Select(m => CatalogField.Guess(m.Field!, m.Type, m.Column)).ToList();
        Console.WriteLine($"read and guessed {leads.Count:N0} rows " +
            $"({string.Join(", ", fields.Select(f => $"{f.Key} {f.Type}"))}) in {clock.ElapsedMilliseconds} ms");

        clock.Restart();
        var duration = ModelFromData.Propose(StarterModel.Create(), data, fields, split).Suggestion.Fields.Single(f =>
            f.Key == "duration");
        var marked = fields.Select(f => f.Key == "duration" ? f with { KnownBeforeContact = KnownBeforeContact.No } : f)
            .ToList();
        var (proposal, built) = ModelFromData.Propose(StarterModel.Create(), data, marked, split);
        var buildTook = clock.Elapsed;
        clock.Restart();
        var tuned = WeightSuggester.Suggest(built, data, marked, split);
        var applied = DraftPreview.Of(tuned, [], fitScale: true);
        Console.WriteLine($"guard with nothing marked: duration {duration.Use} ({duration.Reason}); built twice in " +
            $"{buildTook.TotalMilliseconds:0} ms, tuned and applied in {clock.ElapsedMilliseconds} ms");
        var pairs = proposal.Fields.Where(f => f.IsCombination).Select(f => $"{f.Label} ({f.Reason})");
        Console.WriteLine($"pairs: {string.Join("; ", pairs)}");
        Console.WriteLine($"applied draft: {applied.Model.Criteria.Count} criteria, {proposal.PointsToDoubleOdds:0} " +
            $"points double the odds, MQL cells {string.Join(" ", applied.Model.MqlCells)}");
        var logistic = proposal.Backtests.Single(b => b.Name == "logistic fit").Auc;
        var bayes = proposal.Backtests.Single(b => b.Name == "naive Bayes baseline").Auc;
        var atLimit = applied.AtLimits.Select(l => l.Share).DefaultIfEmpty(0).Max() * 100;
        var caught = duration.Use switch { FieldUse.Excluded => "excluded", FieldUse.Asked => "asked", _ => "missed" };
        Console.WriteLine(FormattableString.Invariant(
            $"bank: held-out AUC {applied.Backtest.Auc:0.000} (logistic fit {logistic:0.000}, naive Bayes {bayes:0.000}), MQLs {applied.Mqls}, at a limit {atLimit:0.#} %, duration: {caught}"));
    }
}
