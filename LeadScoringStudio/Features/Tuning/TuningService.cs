using System.Security.Claims;
using LeadScoringStudio.Core.Changes;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Tuning;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Leads;

namespace LeadScoringStudio.Features.Tuning;

/// <summary>What the suggestion learns to predict.</summary>
public enum TuningOutcome
{
    Converted,
    AcceptedBySales,
}

/// <summary>A cell's volume and how its leads turned out.</summary>
public sealed record CellStats(string Cell, int Leads, int Known, double? Conversion, int Feedback, double? Acceptance);

/// <summary>A tuning run: the suggestion, and per-cell figures under the model it started from.</summary>
public sealed record TuningRun(TuningOutcome Outcome, Suggestion Suggestion, IReadOnlyList<CellStats> Cells, TimeSpan Took);

/// <summary>
/// Runs the analysis and weight suggestion on the stored leads with a known outcome (won/lost, or accepted/rejected
/// by sales), starting from the published version, and applies a suggestion as a draft edit (reviewed like any other).
/// </summary>
public sealed class TuningService(ModelRepository models, DraftRepository drafts, FeedbackRepository feedback, LeadLibrary library, IStudioEvents events, TimeProvider time)
{
    public async Task<TuningRun?> RunAsync(TuningOutcome outcome)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var workspace = await models.LoadAsync((await models.FirstModelIdAsync())!.Value);
        var model = workspace.Published?.Model ?? workspace.Draft.Model;
        var leads = await library.GetAsync();
        var accepted = await feedback.AcceptanceByLeadAsync();
        var labelled = leads.Leads
            .Select(l => (l.Lead, Label: outcome == TuningOutcome.Converted
                ? l.Outcome switch { LeadOutcome.Converted => true, LeadOutcome.NotConverted => false, _ => (bool?)null }
                : accepted.TryGetValue(l.Lead.Id, out var yes) ? yes : null))
            .Where(l => l.Label is not null)
            .ToList();
        if (labelled.Count < 50 || labelled.All(l => l.Label!.Value) || labelled.All(l => !l.Label!.Value))
        {
            return null;
        }

        var asOf = time.GetUtcNow();
        var suggestion = WeightSuggester.Suggest(model, labelled.Select(l => l.Lead).ToList(), labelled.Select(l => l.Label!.Value).ToList(), asOf);
        return new TuningRun(outcome, suggestion, Cells(model, leads, accepted, asOf), clock.Elapsed);
    }

    /// <summary>Makes the suggested weights (and the chosen candidate signals) the draft, as one logged edit; returns what changed.</summary>
    public async Task<(CommitResult Result, IReadOnlyList<ModelChange> Changes)> ApplyAsync(TuningRun run, IEnumerable<SuggestedWeight> candidates, ClaimsPrincipal user)
    {
        var workspace = await models.LoadAsync((await models.FirstModelIdAsync())!.Value);
        var draft = workspace.Draft;
        var edited = run.Suggestion.Weights.Where(w => w.CriterionId is not null && w.Suggested is not null && draft.Model.FindCriterion(w.CriterionId) is not null)
            .Aggregate(draft.Model, (m, w) => m.WithCriterionPoints(w.CriterionId!, w.Suggested!.Value));
        edited = WeightSuggester.WithCandidates(edited, candidates);
        var result = await drafts.CommitAsync(draft.ModelId, draft.Model, draft.Version, edited, user);
        if (result.Succeeded)
        {
            events.Publish(new DraftChanged(draft.ModelId, result.Draft!.Version, null));
        }

        return (result, ModelDiff.Compare(workspace.Published?.Model ?? draft.Model, edited));
    }

    private static IReadOnlyList<CellStats> Cells(ScoringModel model, LeadSet leads, IReadOnlyDictionary<string, bool> accepted, DateTimeOffset asOf)
    {
        var scores = new BatchScorer(model, leads.Batch).Score(asOf);
        return Cell.All.Select(cell =>
        {
            var members = Enumerable.Range(0, leads.Count).Where(i => !scores.IsDisqualified[i] && scores.CellIndex[i] == cell.Index).ToList();
            var known = members.Where(i => leads.Leads[i].Outcome != LeadOutcome.Unknown).ToList();
            var answered = members.Where(i => accepted.ContainsKey(leads.Leads[i].Lead.Id)).ToList();
            return new CellStats(cell.ToString(), members.Count, known.Count,
                known.Count == 0 ? null : known.Count(i => leads.Leads[i].Outcome == LeadOutcome.Converted) / (double)known.Count,
                answered.Count, answered.Count == 0 ? null : answered.Count(i => accepted[leads.Leads[i].Lead.Id]) / (double)answered.Count);
        }).ToList();
    }
}
