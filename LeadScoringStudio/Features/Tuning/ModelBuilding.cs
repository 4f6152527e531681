using LeadScoringStudio.Core.Changes;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Tuning;
using LeadScoringStudio.Data;

namespace LeadScoringStudio.Features.Tuning;

/// <summary>
/// A whole model proposed from the data, shown before it is applied: the model, what it changes in the draft (in
/// words), its impact on MQLs against the published version, how it ranks held-out leads, and the share of leads on a
/// limit.
/// </summary>
public sealed record ModelProposal(
    Suggestion Suggestion, ScoringModel Model, DraftModel Base, IReadOnlyList<ModelChange> Changes, ModelImpact Impact,
    IReadOnlyList<Backtest> Backtests, int Mqls, IReadOnlyList<LimitShare> AtLimits, TimeSpan Took);

/// <summary>Builds a model from the data for a workspace whose draft matches few of its leads, and says how
/// few.</summary>
public sealed class ModelBuilding(TuningInputsLoader inputs)
{
    /// <summary>The share of stored leads the draft's criteria match at all.</summary>
    public async Task<double> CoverageAsync(int? modelId = null)
    {
        var (leads, data, _, draft, _) = await inputs.LoadAsync(TuningOutcome.Converted, modelId);
        return ModelFromData.Coverage(draft.Model, leads.Batch, data.AsOf);
    }

    /// <summary>The proposal, learned from converted / not converted leads; null when too few outcomes are
    /// known.</summary>
    public async Task<ModelProposal?> ProposeAsync(int? modelId = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (_, data, fields, draft, published) = await inputs.LoadAsync(TuningOutcome.Converted, modelId);
        if (!data.IsLearnable)
        {
            return null;
        }

        var (suggestion, model) = ModelFromData.Propose(draft.Model, data, fields);
        var before = new BatchScorer(published?.Model ?? draft.Model, data.Batch).Score(data.AsOf);
        var after = new BatchScorer(model, data.Batch).Score(data.AsOf);
        var backtests = new[] { suggestion.Judge("draft now", draft.Model) }.Concat(suggestion.Backtests).ToList();
        return new ModelProposal(suggestion, model, draft, ModelDiff.Compare(draft.Model, model),
            ModelImpact.Compare(before, after), backtests,
            after.IsMql.Count(m => m), ScoreScale.AtLimits(model, data.Batch, data.AsOf), clock.Elapsed);
    }
}
