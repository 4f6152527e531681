using LeadScoringStudio.Core.Handoff;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Features.Handoff;

/// <summary>One example body per event, made the way real ones are made (<see cref="HandoffPayload.Of"/>), for the
/// OpenAPI document and the API page.</summary>
public static class HandoffExamples
{
    public static IReadOnlyList<HandoffPayload> All(DateTimeOffset at)
    {
        var lead = new Lead("crm-0042", new Dictionary<string, FieldValue>
        {
            [Lead.NameField] = FieldValue.OfText("Ada Brooks"),
            [Lead.EmailField] = FieldValue.OfText("ada.brooks@northwind.example"),
            [Lead.CompanyField] = FieldValue.OfText("Northwind Analytics"),
        }, []);
        var score = new LeadScore(lead.Id, 64, 81, 145, [new CategoryScore("payments", "Payments", 34, true)],
            Cell.Parse("A1"), new CellAction("Call within the hour", Core.Models.Route.SalesNow, 1, 1), true, [], [],
            at);
        return HandoffEvents.All.Select((kind, i) => HandoffPayload.Of(kind,
            new Guid(i + 1, 0, 0, new byte[8]), Change(kind, at), lead, score,
            kind == HandoffEventKind.Rejected ? "Too early / no intent" : null,
            kind == HandoffEventKind.Won ? 24_000m : null)).ToList();
    }

    private static LifecycleEvent Change(HandoffEventKind kind, DateTimeOffset at) => kind switch
    {
        HandoffEventKind.BecameMql => new(LifecycleEventKind.EnteredMql, at, Stage.Lead, Stage.Mql,
            "score reached MQL cell A1"),
        HandoffEventKind.LeftMql => new(LifecycleEventKind.LeftMql, at, Stage.Mql, Stage.Recycled,
            "score fell out of the MQL cells"),
        HandoffEventKind.WatermarkCrossed => new(LifecycleEventKind.CategoryWatermarkReached, at, Stage.Mql,
            Stage.Mql, "hot for payments", "payments"),
        HandoffEventKind.Accepted => new(LifecycleEventKind.AcceptedBySales, at, Stage.Mql, Stage.Sal, "Accepted"),
        HandoffEventKind.Rejected => new(LifecycleEventKind.RejectedBySales, at, Stage.Mql, Stage.Recycled,
            "Too early / no intent"),
        HandoffEventKind.Won => new(LifecycleEventKind.Won, at, Stage.Opportunity, Stage.Customer, "Won"),
        _ => new(LifecycleEventKind.Lost, at, Stage.Opportunity, Stage.Recycled, "Lost"),
    };
}
