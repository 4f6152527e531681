using LeadScoringStudio.Core.Lifecycle;

namespace LeadScoringStudio.Core.Handoff;

/// <summary>What a CRM or another tool may want to hear about a lead.</summary>
public enum HandoffEventKind
{
    BecameMql,
    LeftMql,
    WatermarkCrossed,
    Accepted,
    Rejected,
    Won,
    Lost,
}

public static class HandoffEvents
{
    public static IReadOnlyList<HandoffEventKind> All { get; } = Enum.GetValues<HandoffEventKind>();

    /// <summary>The event's name on the wire: "lead.became_mql", "lead.rejected", …</summary>
    public static string WireName(this HandoffEventKind kind) => kind switch
    {
        HandoffEventKind.BecameMql => "lead.became_mql",
        HandoffEventKind.LeftMql => "lead.left_mql",
        HandoffEventKind.WatermarkCrossed => "lead.watermark_crossed",
        HandoffEventKind.Accepted => "lead.accepted",
        HandoffEventKind.Rejected => "lead.rejected",
        HandoffEventKind.Won => "lead.won",
        _ => "lead.lost",
    };

    public static HandoffEventKind? FromWireName(string name) =>
        All.Cast<HandoffEventKind?>().FirstOrDefault(k => k!.Value.WireName() == name);

    /// <summary>How people read it in the studio.</summary>
    public static string Describe(this HandoffEventKind kind) => kind switch
    {
        HandoffEventKind.BecameMql => "Became an MQL",
        HandoffEventKind.LeftMql => "Left MQL",
        HandoffEventKind.WatermarkCrossed => "Hot for a product",
        HandoffEventKind.Accepted => "Accepted by sales",
        HandoffEventKind.Rejected => "Rejected by sales, with the reason",
        HandoffEventKind.Won => "Won",
        _ => "Lost",
    };

    /// <summary>The hand-off event a lifecycle event is, if any (disqualified, requalified, meetings and
    /// opportunities stay inside the studio).</summary>
    public static HandoffEventKind? Of(LifecycleEventKind kind) => kind switch
    {
        LifecycleEventKind.EnteredMql => HandoffEventKind.BecameMql,
        LifecycleEventKind.LeftMql => HandoffEventKind.LeftMql,
        LifecycleEventKind.CategoryWatermarkReached => HandoffEventKind.WatermarkCrossed,
        LifecycleEventKind.AcceptedBySales => HandoffEventKind.Accepted,
        LifecycleEventKind.RejectedBySales => HandoffEventKind.Rejected,
        LifecycleEventKind.Won => HandoffEventKind.Won,
        LifecycleEventKind.Lost => HandoffEventKind.Lost,
        _ => null,
    };
}
