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

/// <summary>A tuning run: the suggestion, per-cell figures under the model it started from, and per criterion the rejection reasons sales gave most for leads it matched.</summary>
public sealed record TuningRun(TuningOutcome Outcome, Suggestion Suggestion, IReadOnlyList<CellStats> Cells, IReadOnlyDictionary<string, string> RejectionReasons, TimeSpan Took);

/// <summary>
/// Runs the analysis and weight suggestion on the stored leads with a known outcome (won/lost, or accepted/rejected
/// by sales), starting from the published version, and applies a suggestion as a draft edit (reviewed like any other).
/// </summary>
public sealed class TuningService(
    ModelRepository models, DraftRepository drafts, FeedbackRepository feedback, SalesQueueRepository team, LeadLibrary library, IStudioEvents events, TimeProvider time)
{
    /// <summary>MQLs per month the SDR team can work against what each cell brings, under the published version.</summary>
    public async Task<CapacityPlan> CapacityAsync()
    {
        var workspace = await models.LoadAsync((await models.FirstModelIdAsync())!.Value);
        var model = workspace.Published?.Model ?? workspace.Draft.Model;
        var leads = await library.GetAsync();
        var scores = new BatchScorer(model, leads.Batch).Score(time.GetUtcNow());
        var months = Backtests.MonthsSpanned(leads.Leads.Select(l => l.Lead.FirstSeenAt));
        var known = leads.Leads.Where(l => l.Outcome != LeadOutcome.Unknown).ToList();
        var overall = known.Count == 0 ? 0 : known.Count(l => l.Outcome == LeadOutcome.Converted) / (double)known.Count;
        // A cell whose action disqualifies can never be an MQL cell, so it is not offered.
        var outlook = Cell.All.Where(cell => model.ActionFor(cell).Route != LeadScoringStudio.Core.Models.Route.Disqualify).Select(cell =>
        {
            var members = Enumerable.Range(0, leads.Count).Where(i => !scores.IsDisqualified[i] && scores.CellIndex[i] == cell.Index).ToList();
            var labelled = members.Where(i => leads.Leads[i].Outcome != LeadOutcome.Unknown).ToList();
            var rate = labelled.Count < 10 ? overall : labelled.Count(i => leads.Leads[i].Outcome == LeadOutcome.Converted) / (double)labelled.Count;
            return new CellOutlook(cell, members.Count / months, rate);
        }).ToList();
        var (members, perSdr) = await team.TeamAsync();
        return CapacityPlan.For(outlook, model.MqlCells.ToList(), Math.Max(1, members.Count) * perSdr);
    }

    /// <summary>Makes the proposed MQL cells the draft's, as one logged edit.</summary>
    public async Task<CommitResult> ApplyCapacityAsync(CapacityPlan plan, ClaimsPrincipal user)
    {
        var draft = (await models.LoadAsync((await models.FirstModelIdAsync())!.Value)).Draft;
        var result = await drafts.CommitAsync(draft.ModelId, draft.Model, draft.Version, draft.Model with { MqlCells = plan.Proposed.MqlCells.ToValueList() }, user);
        if (result.Succeeded)
        {
            events.Publish(new DraftChanged(draft.ModelId, result.Draft!.Version, null));
        }

        return result;
    }

    /// <summary>Two versions (0 = the draft) judged on the same held-out leads.</summary>
    public async Task<IReadOnlyList<Backtest>?> CompareAsync(int first, int second, TuningOutcome outcome)
    {
        var id = (await models.FirstModelIdAsync())!.Value;
        var versions = await models.PublishedVersionsAsync(id);
        var draft = (await models.LoadAsync(id)).Draft.Model;
        ScoringModel ModelOf(int number) => number == 0 ? draft : versions.Single(v => v.Number == number).Model;
        var leads = await library.GetAsync();
        var known = await OutcomesAsync(outcome, leads);
        if (!Learnable(known))
        {
            return null;
        }

        var rows = Enumerable.Range(0, leads.Count).Where(i => known[i] is not null).ToList();
        var split = Split.Of(rows.Select(i => known[i]!.Value).ToList(), rows.Select(i => leads.Leads[i].Lead.FirstSeenAt).ToList());
        var heldOut = split.Test.Select(r => rows[r]).ToList();
        var outcomes = known.Select(k => k ?? false).ToList();
        var asOf = time.GetUtcNow();
        var months = Backtests.MonthsSpanned(leads.Leads.Select(l => l.Lead.FirstSeenAt));
        return [Backtests.Judge(Name(first), ModelOf(first), leads.Batch, heldOut, outcomes, asOf, months), Backtests.Judge(Name(second), ModelOf(second), leads.Batch, heldOut, outcomes, asOf, months)];
    }

    private static string Name(int number) => number == 0 ? "draft" : $"v{number}";

    /// <summary>Each lead's outcome in the library's order: converted or not, accepted or not; null when not known.</summary>
    private async Task<IReadOnlyList<bool?>> OutcomesAsync(TuningOutcome outcome, LeadSet leads)
    {
        var accepted = outcome == TuningOutcome.AcceptedBySales ? await feedback.AcceptanceByLeadAsync() : new Dictionary<string, bool>();
        return leads.Leads.Select(l => outcome == TuningOutcome.Converted
                ? l.Outcome switch { LeadOutcome.Converted => true, LeadOutcome.NotConverted => false, _ => (bool?)null }
                : accepted.TryGetValue(l.Lead.Id, out var yes) ? yes : null)
            .ToList();
    }

    /// <summary>Enough known outcomes (50 or more, of both kinds) to learn from.</summary>
    private static bool Learnable(IReadOnlyList<bool?> known) =>
        known.Count(k => k is not null) >= 50 && known.Any(k => k == true) && known.Any(k => k == false);

    public async Task<TuningRun?> RunAsync(TuningOutcome outcome)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var workspace = await models.LoadAsync((await models.FirstModelIdAsync())!.Value);
        var model = workspace.Published?.Model ?? workspace.Draft.Model;
        // The leads are already held in columns; the suggestion learns from those with a known outcome.
        var leads = await library.GetAsync();
        var known = await OutcomesAsync(outcome, leads);
        if (!Learnable(known))
        {
            return null;
        }

        var asOf = time.GetUtcNow();
        var suggestion = WeightSuggester.Suggest(model, leads.Batch, leads.Leads.Select(l => l.Lead).ToList(), known, asOf);
        return new TuningRun(outcome, suggestion, Cells(model, leads, await feedback.AcceptanceByLeadAsync(), asOf), await ReasonsByCriterionAsync(model, leads, asOf), clock.Elapsed);
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

    /// <summary>For each criterion, the two rejection reasons most given for the leads it matches, e.g. "Wrong persona (41), Too early (12)".</summary>
    private async Task<IReadOnlyDictionary<string, string>> ReasonsByCriterionAsync(ScoringModel model, LeadSet leads, DateTimeOffset asOf)
    {
        var reasons = await feedback.RejectionReasonsByLeadAsync();
        var (_, matched) = new BatchScorer(model, leads.Batch).ScoreWithMatches(asOf);
        var width = model.Criteria.Count;
        var rejected = Enumerable.Range(0, leads.Count).Where(i => reasons.ContainsKey(leads.Leads[i].Lead.Id)).ToList();
        return Enumerable.Range(0, width).ToDictionary(
            j => model.Criteria[j].Id,
            j => string.Join(", ", rejected.Where(i => matched[(i * width) + j])
                .GroupBy(i => reasons[leads.Leads[i].Lead.Id])
                .OrderByDescending(g => g.Count()).Take(2)
                .Select(g => $"{LeadScoringStudio.Core.Lifecycle.RejectionReasons.Describe(g.Key)} ({g.Count()})")));
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
