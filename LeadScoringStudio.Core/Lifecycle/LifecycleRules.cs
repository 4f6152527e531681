using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Lifecycle;

/// <summary>
/// The lifecycle as a pure function: from the previous state, the new score and what sales did,
/// the new stage and the crossings. Sales events come first, in time order; then the score decides
/// MQL entry and exit and disqualification. A rejected, lost or cold lead is Recycled and re-enters
/// MQL only after the cool-down and with engagement newer than its recycling.
/// </summary>
public static class LifecycleRules
{
    private static readonly Stage[] ScoreDrivenStages = [Stage.Lead, Stage.Mql, Stage.Recycled];

    public static LifecycleTransition Transition(
        LifecycleState previous,
        LeadScore score,
        IEnumerable<SalesEvent> salesEvents,
        RecyclingRule recycling,
        DateTimeOffset asOf)
    {
        var state = previous;
        var events = new List<LifecycleEvent>();

        void Move(Stage to, LifecycleEventKind kind, DateTimeOffset at, string cause)
        {
            events.Add(new LifecycleEvent(kind, at, state.Stage, to, cause));
            var recycledAt = to == Stage.Recycled ? at : state.RecycledAt;
            state = state with { Stage = to, StageSince = at, RecycledAt = recycledAt };
        }

        foreach (var sale in salesEvents.OrderBy(e => e.At))
        {
            if (NextStage(state.Stage, sale.Kind) is { } next)
            {
                Move(next.Stage, next.Kind, sale.At, sale.Reason is { } reason ? $"sales: {reason}" : "sales feedback");
            }
        }

        if (score.IsDisqualified && ScoreDrivenStages.Contains(state.Stage))
        {
            Move(Stage.Disqualified, LifecycleEventKind.Disqualified, asOf,
                string.Join("; ", score.DisqualificationReasons));
        }
        else if (!score.IsDisqualified && state.Stage == Stage.Disqualified)
        {
            Move(Stage.Lead, LifecycleEventKind.Requalified, asOf, "no disqualifier applies any more");
        }

        if (state.Stage == Stage.Lead && score.IsMql)
        {
            Move(Stage.Mql, LifecycleEventKind.EnteredMql, asOf, $"score reached MQL cell {score.Cell}");
        }
        else if (state.Stage == Stage.Mql && !score.IsMql)
        {
            Move(Stage.Recycled, LifecycleEventKind.LeftMql, asOf, $"score fell to cell {score.Cell}");
        }
        else if (state.Stage == Stage.Recycled && score.IsMql && MayReturn(state, score, recycling, asOf))
        {
            Move(Stage.Mql, LifecycleEventKind.EnteredMql,
                asOf, $"recycled lead back in MQL cell {score.Cell} with new engagement");
        }

        var hot = score.HotCategories.Select(c => c.CategoryId).ToValueList();
        foreach (var category in hot.Where(c => !previous.HotCategories.Contains(c)))
        {
            events.Add(new LifecycleEvent(LifecycleEventKind.CategoryWatermarkReached, asOf, state.Stage,
                state.Stage, $"hot for {category}", category));
        }

        return new LifecycleTransition(state with { HotCategories = hot }, events.ToValueList());
    }

    private static bool MayReturn(LifecycleState state, LeadScore score, RecyclingRule recycling,
        DateTimeOffset asOf) =>
        state.RecycledAt is not { } recycledAt
        || (asOf >= recycledAt.AddDays(recycling.CooldownDays) && score.LastActivityAt > recycledAt);

    private static (Stage Stage, LifecycleEventKind Kind)? NextStage(Stage stage, SalesEventKind sale) =>
        (stage, sale) switch
    {
        (Stage.Mql, SalesEventKind.Accepted) => (Stage.Sal, LifecycleEventKind.AcceptedBySales),
        (Stage.Mql or Stage.Sal, SalesEventKind.Rejected) => (Stage.Recycled, LifecycleEventKind.RejectedBySales),
        (Stage.Sal, SalesEventKind.Qualified or SalesEventKind.MeetingHeld) =>
            (Stage.Sql, LifecycleEventKind.Qualified),
        (Stage.Sal or Stage.Sql, SalesEventKind.OpportunityCreated) =>
            (Stage.Opportunity, LifecycleEventKind.OpportunityCreated),
        (Stage.Opportunity, SalesEventKind.Won) => (Stage.Customer, LifecycleEventKind.Won),
        (Stage.Sal or Stage.Sql or Stage.Opportunity, SalesEventKind.Lost) => (Stage.Recycled, LifecycleEventKind.Lost),
        _ => null,
    };
}
