using System.Security.Claims;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Features.Queue;

/// <summary>Sales said something about a lead: queues, the feedback summary, tuning and the quadrant's outcomes
/// reload.</summary>
public sealed record FeedbackRecorded(string LeadId, KnownOutcome? Outcome = null)
    : StudioEvent(LeadsChanged.AnyModel, null);

/// <summary>
/// Records sales feedback (Sales and Ops only) and moves the lead's stage with it through the core's lifecycle rules,
/// recording the change and its cause. Won and lost set the lead's sales outcome, which then counts (see
/// <see cref="KnownOutcome.Of"/>). A correction is a new entry that replaces an earlier one; both stay in the history,
/// and the stage is worked out again from where the corrected feedback started. Everything one piece of feedback
/// changes is written in one transaction, then announced.
/// </summary>
public sealed class FeedbackService(IDbContextFactory<StudioDbContext> contexts, LeadLibrary library,
    IStudioEvents events, TimeProvider time, AccountCheck accounts)
{
    public async Task<SaveResult> RecordAsync(
        Lead lead, ScoringModel model, FeedbackInput input, ClaimsPrincipal user, DateTimeOffset? at = null,
            int? corrects = null, CancellationToken cancellationToken = default)
    {
        if (!FeedbackRepository.MayGiveFeedback(await accounts.NowAsync(user)))
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

        if (input.Amount is < 0 or > InputLimits.MaxAmount)
        {
            return new SaveResult(SaveStatus.Invalid,
                $"The amount {input.Amount:N0} cannot be right: enter 0 or more, up to {InputLimits.MaxAmount:N0}.");
        }

        if (InputLimits.TextProblem(input.Comment) is { } longComment)
        {
            return new SaveResult(SaveStatus.Invalid, $"The comment {longComment}: shorten it.");
        }

        var when = at ?? time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var state = await db.LeadStates.SingleOrDefaultAsync(s => s.LeadId == lead.Id, cancellationToken);
        if (state is null)
        {
            return new SaveResult(SaveStatus.Invalid, "This lead has not been scored yet.");
        }

        var from = StateBefore(state, corrects is { } id ? await db.StageChanges.Where(c => c.FeedbackId == id)
            .OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken) : null);
        var score = LeadScorer.Score(model, lead, when);
        var transition = LifecycleRules.Transition(from, score,
            [new SalesEvent(input.Kind, when,
            input.Reason is { } r ? RejectionReasons.Describe(r) : RejectionReasons.Describe(input.Kind))],
            model.Recycling, when);
        var changes = transition.Events.Where(LeadPipeline.Recorded).ToList();
        if (corrects is null && changes.All(c =>
            c.Kind is LifecycleEventKind.EnteredMql or LifecycleEventKind.LeftMql
                or LifecycleEventKind.Disqualified or LifecycleEventKind.Requalified
                or LifecycleEventKind.CategoryWatermarkReached))
        {
            return new SaveResult(SaveStatus.Invalid, $"A lead at stage {state.Stage.Name()} cannot be marked " +
                $"'{RejectionReasons.Describe(input.Kind)}'.");
        }

        var feedback = new FeedbackRecord
        {
            LeadId = lead.Id, At = when, By = StudioRoles.NameOf(user), Kind = input.Kind,
                Reason = input.Reason?.ToString(), Comment = input.Comment?.Trim(), Amount = input.Amount,
            Cell = score.IsDisqualified ? "DQ" : score.Cell.ToString(), Source = FeedbackRepository.SourceOf(lead),
        };
        db.Feedback.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);
        if (corrects is { } replaced)
        {
            await db.Feedback.Where(f => f.Id == replaced)
                .ExecuteUpdateAsync(f => f.SetProperty(r => r.ReplacedById, feedback.Id), cancellationToken);
        }

        var current = state.Stage;
        var outbox = await WebhookOutbox.OpenAsync(db, when, cancellationToken);
        foreach (var change in changes.Where(c => corrects is null || c.To != current))
        {
            outbox.Add(db, change, lead, score, input.Reason is { } why ? RejectionReasons.Describe(why) : null,
                input.Amount);
            db.StageChanges.Add(LeadPipeline.Record(lead.Id, corrects is null
                ? change
                : change with { From = current, Cause = $"correction: {change.Cause}" }, feedback.Id));
        }

        LeadPipeline.Apply(state, transition.State, score);
        // Only won and lost (or a correction of one) can change what sales says the outcome is.
        var outcome = corrects is not null || input.Kind is SalesEventKind.Won or SalesEventKind.Lost
            ? await SetSalesOutcomeAsync(db, lead.Id, cancellationToken)
            : null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (outcome is { } known)
        {
            library.SetOutcome(lead.Id, known);
        }

        events.Publish(new FeedbackRecorded(lead.Id, outcome));
        return new SaveResult(SaveStatus.Saved, $"{RejectionReasons.Describe(input.Kind)}: the lead is now " +
            $"{state.Stage.Name()}.");
    }

    /// <summary>Replaces an earlier feedback entry with a corrected one (the earlier one stays in the history, marked
    /// replaced).</summary>
    public async Task<SaveResult> CorrectAsync(int feedbackId, Lead lead, ScoringModel model, FeedbackInput input,
        ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var old = await db.Feedback.AsNoTracking()
            .SingleOrDefaultAsync(f => f.Id == feedbackId && f.LeadId == lead.Id, cancellationToken);
        return old is null || old.ReplacedById is not null
            ? new SaveResult(SaveStatus.Conflict, "That feedback was already corrected; look at the latest.")
            : await RecordAsync(lead, model, input, user, corrects: feedbackId, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The lead's sales outcome from its standing feedback (the latest won or lost), written to the lead; returns the
    /// outcome that now counts when the sales outcome changed.
    /// </summary>
    private static async Task<KnownOutcome?> SetSalesOutcomeAsync(StudioDbContext db, string leadId,
        CancellationToken cancellationToken)
    {
        var outcomes = await db.Feedback.Where(f => f.LeadId == leadId && f.ReplacedById == null
            && (f.Kind == SalesEventKind.Won || f.Kind == SalesEventKind.Lost))
            .Select(f => new { f.Id, f.At, f.Kind }).ToListAsync(cancellationToken);
        var said = outcomes.OrderByDescending(f => f.At).ThenByDescending(f => f.Id)
            .Select(f => (SalesEventKind?)f.Kind).FirstOrDefault();
        LeadOutcome? sales = said switch
        {
            SalesEventKind.Won => LeadOutcome.Converted,
            SalesEventKind.Lost => LeadOutcome.NotConverted,
            _ => null,
        };
        var record = await db.Leads.Where(l => l.ExternalId == leadId).Select(l => new { l.Outcome, l.SalesOutcome })
            .SingleAsync(cancellationToken);
        if (record.SalesOutcome == sales)
        {
            return null;
        }

        await db.Leads.Where(l => l.ExternalId == leadId)
            .ExecuteUpdateAsync(l => l.SetProperty(r => r.SalesOutcome, sales), cancellationToken);
        return KnownOutcome.Of(record.Outcome, sales);
    }

    private static LifecycleState StateBefore(LeadStateRecord state, StageChangeRecord? correctedChange) =>
        correctedChange is null
            ? LeadPipeline.StateOf(state)
            : LeadPipeline.StateOf(state) with { Stage = correctedChange.From, StageSince = correctedChange.At };
}
