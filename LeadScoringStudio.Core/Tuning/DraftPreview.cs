using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>
/// Exactly the draft that applying a choice would make, judged on the held-out leads, with its MQLs and the share of
/// leads on each limit, and what a careful person would want to know before applying it.
/// </summary>
public sealed record DraftPreview(ScoringModel Model, Backtest Backtest, int Mqls, IReadOnlyList<LimitShare> AtLimits,
    bool FittedScale = false)
{
    /// <summary>MQL volume this far from capacity (either way) is worth a warning.</summary>
    public const double CapacityTolerance = 0.5;

    /// <param name="chosen">Keys of the candidate signals to add as criteria.</param>
    /// <param name="fitScale">Also fit limits, grade bands and MQL cells to the new scores.</param>
    public static DraftPreview Of(Suggestion suggestion, IEnumerable<string> chosen, bool fitScale)
    {
        var model = suggestion.Draft(chosen, fitScale);
        var scores = new BatchScorer(model, suggestion.Data.Batch).Score(suggestion.Data.AsOf);
        return new DraftPreview(model, suggestion.Judge("suggested", model), scores.IsMql.Count(m => m),
            ScoreScale.AtLimits(model, suggestion.Data.Batch, suggestion.Data.AsOf), fitScale);
    }

    /// <summary>Warnings to show next to Apply: ranks worse than <paramref name="current"/>, MQL volume far from
    /// capacity, leads piled on a limit.</summary>
    public IReadOnlyList<string> Warnings(Backtest current, TuningData data)
    {
        var warnings = new List<string>();
        if (Backtest.Auc < current.Auc)
        {
            warnings.Add($"It ranks the held-out leads worse than the draft does now (ROC AUC {Backtest.Auc:0.000} " +
                $"against {current.Auc:0.000}).");
        }

        var capacity = data.MqlCapacityPerMonth;
        if (Mqls == 0)
        {
            warnings.Add("No lead would be an MQL: choose MQL cells that hold leads, or let the suggestion fit them.");
        }
        else if (!data.IsDated)
        {
            warnings.Add($"The leads carry no dates, so MQLs a month cannot be set against the SDR team's capacity " +
                $"({capacity:0} a month): it makes {Mqls:N0} MQLs among all {data.Batch.Count:N0} leads.");
        }
        else if (Backtest.MqlsPerMonth > capacity * (1 + CapacityTolerance)
            || Backtest.MqlsPerMonth < capacity * (1 - CapacityTolerance))
        {
            warnings.Add($"It makes about {Backtest.MqlsPerMonth:0} MQLs a month; the SDR team can work about " +
                $"{capacity:0}.");
        }

        foreach (var limit in AtLimits.Where(l => l.Share > ScoreScale.AtLimitWarning))
        {
            warnings.Add($"{limit.Share * 100:0}% of leads sit at the {limit.Name} ({limit.Limit}): points beyond it " +
                $"are cut off. " + (FittedScale
                ? "Moving it would rank the leads learned from worse, so it stays; change it in Categories & limits " +
                    "if you disagree."
                : "Let the suggestion fit the limits to fix it."));
        }

        return warnings;
    }
}
