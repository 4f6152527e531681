using System.Security.Claims;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Api;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Security;

namespace LeadScoringStudio.Features.Queue;

/// <summary>One row of an SDR's queue: the lead, its score under the published version, and its place in the
/// funnel.</summary>
public sealed record QueueItem(StoredLead Lead, LeadScore Score, LeadState State, TimeSpan? SlaLeft)
{
    public bool IsPool => State.AssignedTo is null;
}

/// <summary>Builds an SDR's queue (their MQLs and the shared pool, in working order) and records their
/// feedback.</summary>
public sealed class SalesQueue(SalesQueueRepository queue, FeedbackService feedback, LeadLibrary library,
    PublishedModels published, TimeProvider time)
{
    public async Task<IReadOnlyList<QueueItem>> ForAsync(ClaimsPrincipal user)
    {
        if (await published.GetAsync() is not { } model)
        {
            return [];
        }

        var leads = await library.GetAsync();
        var now = time.GetUtcNow();
        var scorer = new LeadScorer(model.Model);
        var items = (await queue.QueueAsync(StudioRoles.NameOf(user)))
            .Select(state => (State: state, Position: leads.PositionOf(state.LeadId)))
            .Where(s => s.Position is not null)
            .Select(s =>
            {
                var lead = leads.Leads[s.Position!.Value];
                var score = scorer.Score(lead.Lead, now);
                return new QueueItem(lead, score, s.State, QueueOrder.SlaLeft(score.Action, s.State.MqlSince, now));
            });
        return QueueOrder.Sort(items, i => i.Score).ToList();
    }

    public async Task<SaveResult> RecordAsync(QueueItem item, FeedbackInput input, ClaimsPrincipal user) =>
        await published.GetAsync() is { } model
            ? await feedback.RecordAsync(item.Lead.Lead, model.Model, input, user)
            : new SaveResult(SaveStatus.Invalid, "Nothing is published yet.");

    public async Task<SaveResult> CorrectAsync(QueueItem item, int feedbackId, FeedbackInput input,
        ClaimsPrincipal user) =>
        await published.GetAsync() is { } model
            ? await feedback.CorrectAsync(feedbackId, item.Lead.Lead, model.Model, input, user)
            : new SaveResult(SaveStatus.Invalid, "Nothing is published yet.");

    /// <summary>A lead (found by id) with its current score and state, also when it has left the queue.</summary>
    public async Task<QueueItem?> FindAsync(string leadId)
    {
        var leads = await library.GetAsync();
        if (await published.GetAsync() is not { } model || leads.PositionOf(leadId) is not { } position
            || await queue.StateAsync(leadId) is not { } state)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var score = LeadScorer.Score(model.Model, leads.Leads[position].Lead, now);
        return new QueueItem(leads.Leads[position], score, state,
            QueueOrder.SlaLeft(score.Action, state.MqlSince, now));
    }
}
