using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>Judges a model on held-out leads: ranking (ROC AUC) and the MQL rule (precision, recall, F1).</summary>
public static class Backtests
{
    public static Backtest Judge(string name, ScoringModel model, LeadBatch batch, IReadOnlyList<int> heldOut, IReadOnlyList<bool> outcomes, DateTimeOffset asOf)
    {
        var scores = new BatchScorer(model, batch).Score(asOf);
        var totals = heldOut.Select(i => (double)scores.Total[i]).ToList();
        var labels = heldOut.Select(i => outcomes[i]).ToList();
        return new Backtest(name, Metrics.Auc(totals, labels), Metrics.Confusion(heldOut.Select(i => scores.IsMql[i]).ToList(), labels))
        {
            Scores = totals,
            Outcomes = labels,
        };
    }
}
