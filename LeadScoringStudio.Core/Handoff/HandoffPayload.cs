using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Handoff;

/// <summary>The lead a hand-off event is about: its id and how to reach it.</summary>
public sealed record HandoffLead(string Id, string? Name, string? Email, string? Company);

/// <summary>The lead's score when the event happened.</summary>
public sealed record HandoffScore(int Total, int Fit, int Engagement, string Cell, bool IsMql);

/// <summary>
/// The body of every hand-off delivery. <c>Id</c> is the event's (the same in every webhook's delivery of it);
/// <c>Type</c> its wire name. <c>FromStage</c>/<c>ToStage</c> are written as people write them (MQL, SAL);
/// <c>Reason</c> comes with a rejection, <c>Amount</c> with a win, <c>Product</c> with a watermark crossing.
/// </summary>
public sealed record HandoffPayload(
    Guid Id, string Type, DateTimeOffset OccurredAt, HandoffLead Lead, HandoffScore Score, string FromStage,
    string ToStage, string Cause, string? Reason = null, decimal? Amount = null, string? Product = null)
{
    public static HandoffPayload Of(HandoffEventKind kind, Guid id, LifecycleEvent change, Lead lead, LeadScore score,
        string? reason = null, decimal? amount = null) => new(
        id, kind.WireName(), change.At,
        new HandoffLead(lead.Id, Blank(lead.Name), Blank(lead.Email), Blank(lead.Company)),
        new HandoffScore(score.Total, score.Fit, score.Engagement,
            score.IsDisqualified ? "disqualified" : score.Cell.ToString(), score.IsMql),
        change.From.Name(), change.To.Name(), change.Cause, reason, amount,
        change.Category is { } category
            ? score.Categories.FirstOrDefault(c => c.CategoryId == category)?.Label ?? category
            : null);

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
