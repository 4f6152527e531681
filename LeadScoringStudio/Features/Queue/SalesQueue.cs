using System.Security.Claims;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Listing;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Features.Segments;
using LeadScoringStudio.Security;

namespace LeadScoringStudio.Features.Queue;

/// <summary>One row of an SDR's queue: the lead, its segment and the published model that scores it, its score (with
/// explanation), and its place in the funnel.</summary>
public sealed record QueueItem(StoredLead Lead, string Segment, ScoringModel Model, LeadScore Score, Stage Stage,
    string? Owner, DateTimeOffset? MqlSince, TimeSpan? SlaLeft)
{
    /// <summary>When the lead last became hot for each product (category id → the crossing).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> HotSince { get; init; } =
        new Dictionary<string, DateTimeOffset>();

    public bool IsPool => Owner is null;

    public string Id => Lead.Lead.Id;
}

/// <summary>A page of the queue, with how many leads match the filters and how many stale pool leads are
/// folded away.</summary>
public sealed record QueueView(IReadOnlyList<QueueItem> Items, int Matching, int FoldedStale, LeadListPage List);

/// <summary>
/// An SDR's queue (their MQLs and the shared pool, in working order, filtered and paged on the server), claiming
/// from the pool, and their feedback. Sales and Ops only.
/// </summary>
public sealed class SalesQueue(SalesQueueRepository queue, FeedbackService feedback, LeadLibrary library,
    LeadLists lists, SegmentRoutes routes, IStudioEvents events, TimeProvider time, AccountCheck accounts)
{
    /// <summary>The queue of <paramref name="user"/> through <paramref name="filters"/> (its whose-filters default to
    /// mine and the pool); empty for anyone who does not work a queue.</summary>
    public async Task<QueueView> PageAsync(ClaimsPrincipal user, LeadQuery filters)
    {
        if (!FeedbackRepository.MayGiveFeedback(await accounts.NowAsync(user)))
        {
            return new QueueView([], 0, 0, LeadListPage.Empty);
        }

        var list = await lists.PageAsync(filters with { Stage = Stage.Mql });
        return View(list, time.GetUtcNow(), await queue.HotSinceAsync(list.Leads.Select(l => l.Lead.Id).ToList()));
    }

    /// <summary>A queue page from a page of MQLs: each lead scored in full (explanation, product interests, when it
    /// became hot for each) and its SLA clock read.</summary>
    public static QueueView View(LeadListPage list, DateTimeOffset now,
        IReadOnlyDictionary<(string LeadId, string Category), DateTimeOffset> hotSince)
    {
        if (list.Routed is not { } routed)
        {
            return new QueueView([], 0, 0, list);
        }

        var scorers = routed.Routed.Models.Select(m => new LeadScorer(m)).ToList();
        var items = list.Leads.Select(lead =>
        {
            var segment = routed.SegmentOf[lead.Position];
            var score = scorers[segment].Score(lead.Lead, now);
            return new QueueItem(lead.Stored, lead.Segment, routed.Routed.Models[segment], score, lead.Stage,
                lead.Owner, lead.MqlSince, QueueOrder.SlaLeft(score.Action, lead.MqlSince, now))
            {
                HotSince = hotSince.Where(h => h.Key.LeadId == lead.Lead.Id)
                    .ToDictionary(h => h.Key.Category, h => h.Value),
            };
        }).ToList();
        return new QueueView(items, list.Matching, list.FoldedStale, list);
    }

    /// <summary>The filters a new queue starts with: the user's own leads and the pool.</summary>
    public static LeadQuery Start(ClaimsPrincipal user) =>
        new() { Owner = StudioRoles.NameOf(user), InPool = true, Take = 25 };

    /// <summary>Records feedback; accepting a lead from the pool takes it first, so an accepted lead always has an
    /// owner.</summary>
    public async Task<SaveResult> RecordAsync(QueueItem item, FeedbackInput input, ClaimsPrincipal user)
    {
        if (item.IsPool && input.Kind == SalesEventKind.Accepted && !await ClaimAsync(item.Id, user))
        {
            return new SaveResult(SaveStatus.Conflict, "Someone else took this lead first.");
        }

        return await feedback.RecordAsync(item.Lead.Lead, item.Model, input, user);
    }

    public Task<SaveResult> CorrectAsync(QueueItem item, int feedbackId, FeedbackInput input,
        ClaimsPrincipal user) =>
        feedback.CorrectAsync(feedbackId, item.Lead.Lead, item.Model, input, user);

    /// <summary>Takes a lead from the shared pool and says so to every list; false when someone else has it.</summary>
    public async Task<bool> ClaimAsync(string leadId, ClaimsPrincipal user)
    {
        var claimed = await queue.ClaimAsync(leadId, user);
        if (claimed)
        {
            events.Publish(new LeadClaimed(leadId));
        }

        return claimed;
    }

    /// <summary>A lead (found by id) with its current score and recorded state, also when it is not in any queue (a
    /// lead not rescored yet stands at Lead); null when there is no such lead or nothing is published.</summary>
    public async Task<QueueItem?> FindAsync(string leadId)
    {
        var leads = await library.GetAsync();
        if (await routes.GetAsync() is not { } live || leads.PositionOf(leadId) is not { } position)
        {
            return null;
        }

        var stored = leads.Leads[position];
        var segment = live.For(stored.Lead);
        var state = await queue.StateAsync(leadId);
        var now = time.GetUtcNow();
        var score = LeadScorer.Score(segment.Published.Model, stored.Lead, now);
        return new QueueItem(stored, segment.Segment.Name, segment.Published.Model, score, state?.Stage ?? Stage.Lead,
            state?.AssignedTo, state?.MqlSince, QueueOrder.SlaLeft(score.Action, state?.MqlSince, now));
    }
}
