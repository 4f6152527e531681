using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>Judges a model on held-out leads: ranking (ROC AUC) and the MQL rule (precision, recall, F1).</summary>
public static class Backtests
{
    /// <param name="months">How many months the batch's leads span, to turn its MQL count into MQLs a month.</param>
    public static Backtest Judge(string name, ScoringModel model, LeadBatch batch, IReadOnlyList<int> heldOut, IReadOnlyList<bool> outcomes, DateTimeOffset asOf, double months = 1)
    {
        var scores = new BatchScorer(model, batch).Score(asOf);
        var totals = heldOut.Select(i => (double)scores.Total[i]).ToList();
        var labels = heldOut.Select(i => outcomes[i]).ToList();
        return new Backtest(name, Metrics.Auc(totals, labels), Metrics.Confusion(heldOut.Select(i => scores.IsMql[i]).ToList(), labels))
        {
            Scores = totals,
            Outcomes = labels,
            MqlsPerMonth = scores.IsMql.Count(m => m) / Math.Max(1, months),
            CellOutcomes = heldOut.Where(i => !scores.IsDisqualified[i])
                .GroupBy(i => scores.CellOf(i).ToString())
                .ToDictionary(g => g.Key, g => (g.Count(), g.Count(i => outcomes[i]) / (double)g.Count())),
        };
    }

    /// <summary>The months between the first and the last date (at least one).</summary>
    public static double MonthsSpanned(IEnumerable<DateTimeOffset?> dates)
    {
        var known = dates.OfType<DateTimeOffset>().ToList();
        return known.Count < 2 ? 1 : Math.Max(1, (known.Max() - known.Min()).TotalDays / 30.44);
    }
}
