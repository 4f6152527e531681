using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Lifecycle;

/// <summary>The SLA clock of an SDR's queue (the queue's order is <see cref="Listing.LeadListing"/>'s work
/// order).</summary>
public static class QueueOrder
{
    /// <summary>Time left to act under the cell's SLA since the lead became an MQL; negative when overdue, null without an SLA.</summary>
    public static TimeSpan? SlaLeft(CellAction action, DateTimeOffset? mqlSince, DateTimeOffset now) =>
        action.SlaHours is { } hours && mqlSince is { } since ? since.AddHours(hours) - now : null;
}
