using System.Security.Claims;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>What sales says about a lead: accept, reject with a reason, or a later outcome.</summary>
public sealed record FeedbackInput(SalesEventKind Kind, RejectionReason? Reason = null, string? Comment = null, decimal? Amount = null);

/// <summary>A feedback entry as the lead's history shows it.</summary>
public sealed record FeedbackEntry(int Id, DateTimeOffset At, string By, SalesEventKind Kind, string? Reason, string? Comment, decimal? Amount, bool Replaced);

/// <summary>
/// Records sales feedback (Sales and Ops only) and moves the lead's stage with it through the core's
/// lifecycle rules, recording the change and its cause. A correction is a new entry that replaces an
/// earlier one; both stay in the history, and when the kind changes the stage is worked out again from
/// where the corrected feedback started.
/// </summary>
public sealed class FeedbackRepository(IDbContextFactory<StudioDbContext> contexts, TimeProvider time)
{
    public static bool MayGiveFeedback(ClaimsPrincipal user) => user.IsInRole(StudioRoles.Sales) || user.IsInRole(StudioRoles.Ops);

    public async Task<SaveResult> RecordAsync(Lead lead, ScoringModel model, FeedbackInput input, ClaimsPrincipal user, DateTimeOffset? at = null, int? corrects = null, CancellationToken cancellationToken = default)
    {
        if (!MayGiveFeedback(user))
        {
            return new SaveResult(SaveStatus.Refused, "Only Sales (and Ops) record feedback on leads.");
        }

        if (input.Kind == SalesEventKind.Rejected && input.Reason is null)
        {
            return new SaveResult(SaveStatus.Invalid, "Choose why the lead is rejected.");
        }

        if (input.Reason == RejectionReason.Other && string.IsNullOrWhiteSpace(input.Comment))
        {
            return new SaveResult(SaveStatus.Invalid, "Say in a comment what the other reason is.");
        }

        var when = at ?? time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var state = await db.LeadStates.SingleOrDefaultAsync(s => s.LeadId == lead.Id, cancellationToken);
        if (state is null)
        {
            return new SaveResult(SaveStatus.Invalid, "This lead has not been scored yet.");
        }

        var from = StateBefore(state, corrects is { } id ? await db.StageChanges.Where(c => c.FeedbackId == id).OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken) : null);
        var score = LeadScorer.Score(model, lead, when);
        var transition = LifecycleRules.Transition(from, score, [new SalesEvent(input.Kind, when, input.Reason is { } r ? RejectionReasons.Describe(r) : RejectionReasons.Describe(input.Kind))], model.Recycling, when);
        var changes = transition.Events.Where(e => e.From != e.To).ToList();
        if (corrects is null && changes.All(c => c.Kind is LifecycleEventKind.EnteredMql or LifecycleEventKind.LeftMql or LifecycleEventKind.Disqualified or LifecycleEventKind.Requalified))
        {
            return new SaveResult(SaveStatus.Invalid, $"A lead at stage {state.Stage} cannot be marked '{RejectionReasons.Describe(input.Kind)}'.");
        }

        var feedback = new FeedbackRecord
        {
            LeadId = lead.Id, At = when, By = StudioRoles.NameOf(user), Kind = input.Kind, Reason = input.Reason?.ToString(), Comment = input.Comment?.Trim(), Amount = input.Amount,
            Cell = score.IsDisqualified ? "DQ" : score.Cell.ToString(), Source = SourceOf(lead),
        };
        db.Feedback.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);
        if (corrects is { } replaced)
        {
            await db.Feedback.Where(f => f.Id == replaced).ExecuteUpdateAsync(f => f.SetProperty(r => r.ReplacedById, feedback.Id), cancellationToken);
        }

        var current = state.Stage;
        foreach (var change in changes.Where(c => corrects is null || c.To != current))
        {
            db.StageChanges.Add(new StageChangeRecord
            {
                LeadId = lead.Id, At = when, From = corrects is null ? change.From : current, To = change.To, Kind = change.Kind,
                Cause = corrects is null ? change.Cause : $"correction: {change.Cause}", FeedbackId = feedback.Id,
            });
        }

        LeadPipeline.Apply(state, transition.State, score);
        await db.SaveChangesAsync(cancellationToken);
        return new SaveResult(SaveStatus.Saved, $"{RejectionReasons.Describe(input.Kind)}: the lead is now {state.Stage}.");
    }

    /// <summary>Replaces an earlier feedback entry with a corrected one (the earlier one stays in the history, marked replaced).</summary>
    public async Task<SaveResult> CorrectAsync(int feedbackId, Lead lead, ScoringModel model, FeedbackInput input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var old = await db.Feedback.AsNoTracking().SingleOrDefaultAsync(f => f.Id == feedbackId && f.LeadId == lead.Id, cancellationToken);
        return old is null || old.ReplacedById is not null
            ? new SaveResult(SaveStatus.Conflict, "That feedback was already corrected; look at the latest.")
            : await RecordAsync(lead, model, input, user, corrects: feedbackId, cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackEntry>> ForLeadAsync(string leadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Feedback.AsNoTracking().Where(f => f.LeadId == leadId).OrderBy(f => f.Id)
            .Select(f => new FeedbackEntry(f.Id, f.At, f.By, f.Kind, f.Reason, f.Comment, f.Amount, f.ReplacedById != null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Accepts and rejects that stand (not replaced), for the feedback summary.</summary>
    public async Task<IReadOnlyList<FeedbackFact>> FactsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Feedback.AsNoTracking()
            .Where(f => f.ReplacedById == null && (f.Kind == SalesEventKind.Accepted || f.Kind == SalesEventKind.Rejected))
            .ToListAsync(cancellationToken);
        return records.Select(f => new FeedbackFact(f.At, f.Kind == SalesEventKind.Accepted,
            Enum.TryParse<RejectionReason>(f.Reason, out var reason) ? reason : null, f.Cell ?? "?", f.Source ?? "unknown")).ToList();
    }

    /// <summary>Per lead, the reason of its standing rejection (leads not rejected are left out).</summary>
    public async Task<IReadOnlyDictionary<string, RejectionReason>> RejectionReasonsByLeadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Feedback.AsNoTracking()
            .Where(f => f.ReplacedById == null && f.Kind == SalesEventKind.Rejected)
            .OrderBy(f => f.Id)
            .Select(f => new { f.LeadId, f.Reason })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<string, RejectionReason>(StringComparer.Ordinal);
        foreach (var record in records.Where(r => Enum.TryParse<RejectionReason>(r.Reason, out _)))
        {
            result[record.LeadId] = Enum.Parse<RejectionReason>(record.Reason!);
        }

        return result;
    }

    /// <summary>Per lead, whether sales accepted it (its latest standing accept or reject), for tuning on acceptance.</summary>
    public async Task<IReadOnlyDictionary<string, bool>> AcceptanceByLeadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Feedback.AsNoTracking()
            .Where(f => f.ReplacedById == null && (f.Kind == SalesEventKind.Accepted || f.Kind == SalesEventKind.Rejected))
            .OrderBy(f => f.Id)
            .Select(f => new { f.LeadId, f.Kind })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            result[record.LeadId] = record.Kind == SalesEventKind.Accepted;
        }

        return result;
    }

    /// <summary>Where a lead first came from: the source of its earliest activity that names one.</summary>
    public static string SourceOf(Lead lead) =>
        lead.Activities.OrderBy(a => a.At).Select(a => a.Property("source")).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)) ?? "unknown";

    private static LifecycleState StateBefore(LeadStateRecord state, StageChangeRecord? correctedChange) =>
        correctedChange is null
            ? LeadPipeline.StateOf(state)
            : LeadPipeline.StateOf(state) with { Stage = correctedChange.From, StageSince = correctedChange.At };
}
