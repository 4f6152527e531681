namespace LeadScoringStudio.Core.Lifecycle;

public enum LifecycleEventKind
{
    EnteredMql,
    LeftMql,
    CategoryWatermarkReached,
    Disqualified,
    Requalified,
    AcceptedBySales,
    RejectedBySales,
    Qualified,
    OpportunityCreated,
    Won,
    Lost,
}

/// <summary>A crossing or stage change, with the stages before and after and its cause in words.</summary>
public sealed record LifecycleEvent(LifecycleEventKind Kind, DateTimeOffset At, Stage From, Stage To, string Cause, string? Category = null);
