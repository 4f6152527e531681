using System.Diagnostics;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Segments;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>What a rescore did.</summary>
public sealed record PipelineRun(int Leads, int StageChanges, int EnteredMql, int ScorePoints, TimeSpan Took);

/// <summary>
/// Rescores every stored lead with its segment's published model and moves each through its lifecycle (that model's
/// recycling rule): stage changes and
/// product watermark crossings are recorded once, with their cause, and go to the webhook outbox in the same
/// transaction; score changes become points of the lead's score history; new MQLs are assigned to the SDR team.
/// Running it again with nothing changed records nothing. Every lead is scored by the batch scorer first. A lead whose
/// stage and product watermarks stay but whose scores moved only gets its new numbers and a history point, written
/// set-wise (<see cref="ScoreMoves"/>); only a lead whose stage or watermarks can change is scored in full (with its
/// explanation) and written through the change tracker, every <see cref="WriteEvery"/> such leads.
/// </summary>
public sealed class LeadPipeline(IDbContextFactory<StudioDbContext> contexts)
{
    /// <summary>How many changed leads one write carries.</summary>
    public const int WriteEvery = 2000;

    /// <summary>How many score moves one set-wise write carries.</summary>
    private const int MovesPerWrite = 10_000;

    /// <summary>One model scores every lead.</summary>
    public Task<PipelineRun> RunAsync(ScoringModel model, int modelVersion, IReadOnlyList<StoredLead> leads,
        DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        RunAsync(RoutedModels.Everyone(model.Name, model), [modelVersion], leads,
            LeadBatch.From(leads.Select(l => l.Lead)), asOf, cancellationToken);

    /// <param name="routed">The routing and each segment's model.</param>
    /// <param name="versions">Each segment's model's published version number, in segment order.</param>
    /// <param name="leads">The stored leads; only those that can change are read.</param>
    /// <param name="batch">The same leads in columns, in the same order.</param>
    public async Task<PipelineRun> RunAsync(RoutedModels routed, IReadOnlyList<int> versions,
        IReadOnlyList<StoredLead> leads, LeadBatch batch, DateTimeOffset asOf,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var quick = routed.Score(batch, asOf);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var states = await db.LeadStates.AsNoTracking()
            .ToDictionaryAsync(s => s.LeadId, StringComparer.Ordinal, cancellationToken);
        var team = await TeamAsync(db, cancellationToken);
        var monthStart = new DateTimeOffset(asOf.Year, asOf.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var assigned = states.Values.Where(s => s.AssignedTo is not null && s.AssignedAt >= monthStart)
            .GroupBy(s => s.AssignedTo!).ToDictionary(g => g.Key, g => g.Count());
        var scorers = routed.Models.Select(m => new LeadScorer(m)).ToList();
        var outbox = await WebhookOutbox.OpenAsync(db, asOf, cancellationToken);
        var (changes, entered, points, pending) = (0, 0, 0, 0);
        var moves = new List<ScoreMove>();
        for (var position = 0; position < batch.Count; position++)
        {
            var state = states.GetValueOrDefault(batch.LeadIds[position]);
            if (state is not null && Keeps(state, quick, position))
            {
                if (!SameNumbers(state, quick.Scores, position))
                {
                    moves.Add(Moved(state, quick.Scores, position, versions[quick.SegmentOf[position]]));
                    points++;
                }

                if (moves.Count == MovesPerWrite)
                {
                    await ScoreMoves.WriteAsync(db, moves, asOf, cancellationToken);
                    moves.Clear();
                }

                continue;
            }

            var stored = leads[position];
            var segment = quick.SegmentOf[position];
            var score = scorers[segment].Score(stored.Lead, asOf);
            if (state is null)
            {
                state = new LeadStateRecord { LeadId = stored.Lead.Id, Stage = Stage.Lead };
                db.LeadStates.Add(state);
                states[state.LeadId] = state;
            }
            else
            {
                db.LeadStates.Attach(state);
            }

            var transition = LifecycleRules.Transition(StateOf(state), score, [], routed.Models[segment].Recycling,
                asOf);
            foreach (var change in transition.Events.Where(Recorded))
            {
                db.StageChanges.Add(Record(state.LeadId, change));
                outbox.Add(db, change, stored.Lead, score);
                changes++;
            }

            if (transition.State.Stage == Stage.Mql && state.Stage != Stage.Mql)
            {
                entered++;
                state.MqlSince = asOf;
                state.AssignedTo = SdrAssignment.Next(team.Members, assigned, team.LeadsPerSdrPerMonth);
                state.AssignedAt = state.AssignedTo is null ? null : asOf;
            }

            if (state.Id == 0 || (state.Fit, state.Engagement, state.Total, state.IsMql) != (score.Fit, score.Engagement, score.Total, score.IsMql))
            {
                db.ScorePoints.Add(new ScorePointRecord
                {
                    LeadId = state.LeadId, At = asOf, Fit = score.Fit, Engagement = score.Engagement,
                    Total = score.Total, IsMql = score.IsMql, ModelVersion = versions[segment],
                });
                points++;
            }

            Apply(state, transition.State, score);
            if (++pending == WriteEvery)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await ScoreMoves.WriteAsync(db, moves, asOf, cancellationToken);
        return new PipelineRun(batch.Count, changes, entered, points, clock.Elapsed);
    }

    /// <summary>Whether the batch scores say the lead keeps its stage and hot products, so that at most its numbers
    /// move: the same hot products as recorded, and a stage its score keeps (a recycled lead that scores as an MQL may
    /// return, so it is looked at in full).</summary>
    private static bool Keeps(LeadStateRecord state, RoutedScores quick, int position)
    {
        var scores = quick.Scores;
        if (state.HotCategories != quick.HotProductsOf(position))
        {
            return false;
        }

        var disqualified = scores.IsDisqualified[position];
        return state.Stage switch
        {
            Stage.Lead => !disqualified && !scores.IsMql[position],
            Stage.Mql => !disqualified && scores.IsMql[position],
            Stage.Recycled => !disqualified && !scores.IsMql[position],
            Stage.Disqualified => disqualified,
            _ => true,
        };
    }

    private static bool SameNumbers(LeadStateRecord state, BatchScores scores, int position) =>
        (state.Fit, state.Engagement, state.Total, state.IsMql)
        == (scores.Fit[position], scores.Engagement[position], scores.Total[position], scores.IsMql[position]);

    private static ScoreMove Moved(LeadStateRecord state, BatchScores scores, int position, int version) =>
        new(state.Id, state.LeadId, scores.Fit[position], scores.Engagement[position], scores.Total[position],
            scores.IsMql[position], version);

    /// <summary>A lifecycle event as the lead's history keeps it.</summary>
    public static StageChangeRecord Record(string leadId, LifecycleEvent change, int? feedbackId = null) => new()
    {
        LeadId = leadId, At = change.At, From = change.From, To = change.To, Kind = change.Kind, Cause = change.Cause,
        FeedbackId = feedbackId, Category = change.Category,
    };

    /// <summary>What the lead's history keeps: stage changes and product watermark crossings.</summary>
    public static bool Recorded(LifecycleEvent change) =>
        change.From != change.To || change.Kind == LifecycleEventKind.CategoryWatermarkReached;

    public static LifecycleState StateOf(LeadStateRecord state) =>
        new(state.Stage, state.StageSince, state.RecycledAt, state.HotCategories.Split('|', StringSplitOptions.RemoveEmptyEntries).ToValueList());

    public static void Apply(LeadStateRecord state, LifecycleState next, LeadScore score)
    {
        state.Stage = next.Stage;
        state.StageSince = next.StageSince;
        state.RecycledAt = next.RecycledAt;
        state.HotCategories = string.Join('|', next.HotCategories);
        (state.Fit, state.Engagement, state.Total, state.IsMql) = (score.Fit, score.Engagement, score.Total, score.IsMql);
    }

    public static async Task<(IReadOnlyList<string> Members, int LeadsPerSdrPerMonth)> TeamAsync(StudioDbContext db, CancellationToken cancellationToken)
    {
        var settings = await db.TeamSettings.AsNoTracking().OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken) ?? new TeamSettingsRecord();
        return (settings.Members.Split('|', StringSplitOptions.RemoveEmptyEntries), settings.LeadsPerSdrPerMonth);
    }
}
