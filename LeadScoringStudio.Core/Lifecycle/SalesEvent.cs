namespace LeadScoringStudio.Core.Lifecycle;

public enum SalesEventKind
{
    Accepted,
    Rejected,
    Qualified,
    MeetingHeld,
    OpportunityCreated,
    Won,
    Lost,
}

/// <summary>What sales said or did about a lead, and when.</summary>
public sealed record SalesEvent(SalesEventKind Kind, DateTimeOffset At, string? Reason = null);
