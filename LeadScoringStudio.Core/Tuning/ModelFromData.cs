using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>
/// Proposes a whole model from the data, for a workspace whose model matches few of its leads (a new workspace, a
/// foreign export): fit and engagement criteria from every usable field and activity type, in whole points on a
/// scorecard scale; limits that hold the scores; grade bands from the score distribution; and MQL cells from the SDR
/// team's capacity. Names, actions, disqualifiers and recycling are kept from the current model; the inactivity penalty
/// and completeness points are left out, as the fit cannot weigh them (recency is in the activity signals' 90-day
/// window).
/// </summary>
public static class ModelFromData
{
    /// <summary>Points at which a signal is kept even when its effect is less than one standard error from
    /// nothing.</summary>
    public const int SizeablePoints = 5;

    /// <summary>
    /// The suggestion for a model without criteria (every signal the fit gave points to is a candidate) and the model
    /// it proposes: the chosen signals as criteria, with limits, bands and MQL cells fitted to it, judged on the
    /// held-out leads as "proposed".
    /// </summary>
    public static ProposedModel Propose(ScoringModel current, TuningData data, IReadOnlyList<CatalogField> fields,
        Split? split = null)
    {
        var blank = current with { Criteria = [], Completeness = null, Inactivity = null };
        var suggestion = WeightSuggester.Analyse(blank, data, fields, split);
        var model = suggestion.Draft(Chosen(suggestion));
        return new ProposedModel(
            suggestion with { Backtests = [.. suggestion.Backtests, suggestion.Judge("proposed", model)] }, model);
    }

    /// <summary>
    /// The signals a proposed model keeps: those whose effect is at least one standard error from nothing, or worth
    /// <see cref="SizeablePoints"/> points or more. The rest would add criteria people must read for almost no ranking
    /// (on the bank data: 60 criteria instead of 95, held-out AUC 0.773 either way).
    /// </summary>
    public static IReadOnlyList<string> Chosen(Suggestion proposal) =>
        proposal.Candidates
            .Where(w => w.Suggested is { } points && (Math.Abs(w.Effect) >= w.StandardError
                || Math.Abs(points) >= SizeablePoints))
            .Select(w => w.Key)
            .ToList();

    /// <summary>The share of leads the model's attribute and activity criteria match at all: low for a model written
    /// for other data.</summary>
    public static double Coverage(ScoringModel model, Scoring.LeadBatch batch, DateTimeOffset asOf)
    {
        if (batch.Count == 0 || model.Criteria.Count == 0)
        {
            return 0;
        }

        var (_, matched) = new Scoring.BatchScorer(model, batch).ScoreWithMatches(asOf);
        var width = model.Criteria.Count;
        return Enumerable.Range(0, batch.Count).Count(i => matched.AsSpan(i * width, width)
            .Contains(true)) / (double)batch.Count;
    }
}
