using System.Security.Claims;
using LeadScoringStudio.Core.Changes;
using LeadScoringStudio.Core.Editing;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Tuning;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Features.Workbench;

namespace LeadScoringStudio.Features.Tuning;

/// <summary>A cell's volume and how its leads turned out.</summary>
public sealed record CellStats(string Cell, int Leads, int Known, double? Conversion, int Feedback, double? Acceptance);

/// <summary>
/// A tuning run on the shared draft as it was stored (<see cref="Base"/>): the suggestion, the published version judged
/// on the same held-out leads, per-cell figures, and per criterion the rejection reasons sales gave most for leads it
/// matched.
/// </summary>
public sealed record TuningRun(
    TuningOutcome Outcome, Suggestion Suggestion, DraftModel Base, Backtest? Published, IReadOnlyList<CellStats> Cells,
    IReadOnlyDictionary<string, string> RejectionReasons, TimeSpan Took);

/// <summary>
/// Runs the analysis and weight suggestion on the stored leads with a known outcome, starting from the shared draft,
/// and applies exactly the model the page backtested as one logged draft edit (merged with edits made meanwhile).
/// </summary>
public sealed class TuningService(
    TuningInputsLoader inputs, ModelRepository models, DraftService drafts, FeedbackRepository feedback)
{
    public async Task<TuningRun?> RunAsync(TuningOutcome outcome, int? modelId = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (leads, data, fields, draft, published) = await inputs.LoadAsync(outcome, modelId);
        if (!data.IsLearnable)
        {
            return null;
        }

        var suggestion = WeightSuggester.Suggest(draft.Model, data, fields);
        return new TuningRun(
            outcome, suggestion, draft, published is null ? null : suggestion.Judge($"published v{published.Number}",
                published.Model),
            Cells(draft.Model, leads, await feedback.AcceptanceByLeadAsync(), data.AsOf),
                await ReasonsByCriterionAsync(draft.Model, leads, data.AsOf), clock.Elapsed);
    }

    /// <summary>Makes <paramref name="edited"/> (a draft the run made) the shared draft, as one logged edit on the
    /// draft the run started from.</summary>
    public async Task<(CommitResult Result, IReadOnlyList<ModelChange> Changes)> ApplyAsync(DraftModel start,
        ScoringModel edited, ClaimsPrincipal user)
    {
        var result = await drafts.CommitAsync(start, edited, user);
        return (result, ModelDiff.Compare(start.Model, result.Draft?.Model ?? edited));
    }

    /// <summary>MQLs per month the SDR team can work against what each cell brings under the published
    /// version.</summary>
    public async Task<CapacityPlan> CapacityAsync(int? modelId = null)
    {
        var (_, data, _, draft, published) = await inputs.LoadAsync(TuningOutcome.Converted, modelId);
        return ScoreScale.Plan(published?.Model ?? draft.Model, data, data.Labelled);
    }

    /// <summary>Makes the proposed MQL cells the draft's, as one logged edit.</summary>
    public async Task<CommitResult> ApplyCapacityAsync(CapacityPlan plan, ClaimsPrincipal user, int? modelId = null)
    {
        var draft = (await inputs.LoadAsync(TuningOutcome.Converted, modelId)).Draft;
        return (await ApplyAsync(draft, draft.Model.WithMqlCells(plan.Proposed.MqlCells), user)).Result;
    }

    /// <summary>Two versions (0 = the draft) judged on the same held-out leads.</summary>
    public async Task<IReadOnlyList<Backtest>?> CompareAsync(int first, int second, TuningOutcome outcome,
        int? modelId = null)
    {
        var draft = (await inputs.LoadAsync(outcome, modelId)).Draft;
        var versions = await models.PublishedVersionsAsync(draft.ModelId);
        (string, ScoringModel) Scoring(int number) => number == 0
            ? ("draft", draft.Model)
            : ($"v{number}", versions.Single(v => v.Number == number).Model);
        return await JudgeAsync([Scoring(first), Scoring(second)], outcome);
    }

    /// <summary>Any scorings (versions, drafts, other models) judged on the same held-out leads; null when the
    /// outcomes are too few to learn from.</summary>
    public async Task<IReadOnlyList<Backtest>?> JudgeAsync(IReadOnlyList<(string Name, ScoringModel Model)> scorings,
        TuningOutcome outcome)
    {
        var data = (await inputs.LoadAsync(outcome)).Data;
        if (!data.IsLearnable)
        {
            return null;
        }

        var heldOut = data.DefaultSplit().Test.Select(r => data.Labelled[r]).ToList();
        var outcomes = data.Outcomes.Select(o => o ?? false).ToList();
        return scorings.Select(s => Backtests.Judge(s.Name, s.Model, data.Batch, heldOut, outcomes, data.AsOf,
            data.Months)).ToList();
    }

    /// <summary>For each criterion, the two rejection reasons most given for the leads it matches, e.g. "Wrong persona
    /// (41), Too early (12)".</summary>
    private async Task<IReadOnlyDictionary<string, string>> ReasonsByCriterionAsync(ScoringModel model, LeadSet leads,
        DateTimeOffset asOf)
    {
        var reasons = await feedback.RejectionReasonsByLeadAsync();
        var (_, matched) = new BatchScorer(model, leads.Batch).ScoreWithMatches(asOf);
        var width = model.Criteria.Count;
        var rejected = Enumerable.Range(0, leads.Count).Where(i => reasons.ContainsKey(leads.IdAt(i)))
            .ToList();
        return Enumerable.Range(0, width).ToDictionary(
            j => model.Criteria[j].Id,
            j => string.Join(", ", rejected.Where(i => matched[(i * width) + j])
                .GroupBy(i => reasons[leads.IdAt(i)])
                .OrderByDescending(g => g.Count()).Take(2)
                .Select(g => $"{Core.Lifecycle.RejectionReasons.Describe(g.Key)} ({g.Count()})")));
    }

    private static IReadOnlyList<CellStats> Cells(ScoringModel model, LeadSet leads,
        IReadOnlyDictionary<string, bool> accepted, DateTimeOffset asOf)
    {
        var scores = new BatchScorer(model, leads.Batch).Score(asOf);
        return Cell.All.Select(cell =>
        {
            var members = Enumerable.Range(0, leads.Count)
                .Where(i => !scores.IsDisqualified[i] && scores.CellIndex[i] == cell.Index).ToList();
            var known = members.Where(i => leads.OutcomeAt(i).Outcome != LeadOutcome.Unknown).ToList();
            var answered = members.Where(i => accepted.ContainsKey(leads.IdAt(i))).ToList();
            return new CellStats(cell.ToString(), members.Count, known.Count,
                known.Count == 0 ? null : known.Count(i =>
                    leads.OutcomeAt(i).Outcome == LeadOutcome.Converted) / (double)known.Count,
                answered.Count, answered.Count == 0 ? null : answered.Count(i =>
                    accepted[leads.IdAt(i)]) / (double)answered.Count);
        }).ToList();
    }
}
