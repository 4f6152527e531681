using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Lifecycle;

/// <summary>How an SDR's queue is worked: the cell's action priority first, then the score, then the most recently engaged.</summary>
public static class QueueOrder
{
    public static IEnumerable<T> Sort<T>(IEnumerable<T> items, Func<T, LeadScore> score) =>
        items.OrderBy(i => score(i).Action.Priority)
            .ThenByDescending(i => score(i).Total)
            .ThenByDescending(i => score(i).LastActivityAt ?? DateTimeOffset.MinValue);

    /// <summary>Time left to act under the cell's SLA since the lead became an MQL; negative when overdue, null without an SLA.</summary>
    public static TimeSpan? SlaLeft(CellAction action, DateTimeOffset? mqlSince, DateTimeOffset now) =>
        action.SlaHours is { } hours && mqlSince is { } since ? since.AddHours(hours) - now : null;
}
