namespace LeadScoringStudio.Core.Lifecycle;

/// <summary>
/// Hands a new MQL to the SDR with the fewest leads this month who is still under the monthly cap (ties
/// in team order: round-robin); when everyone is full, the lead goes to the shared pool (null).
/// </summary>
public static class SdrAssignment
{
    public static string? Next(IReadOnlyList<string> team, IDictionary<string, int> assignedThisMonth, int leadsPerSdrPerMonth)
    {
        var next = team
            .Select((member, order) => (Member: member, Order: order, Count: assignedThisMonth.TryGetValue(member, out var count) ? count : 0))
            .Where(m => m.Count < leadsPerSdrPerMonth)
            .OrderBy(m => m.Count).ThenBy(m => m.Order)
            .Select(m => m.Member)
            .FirstOrDefault();
        if (next is not null)
        {
            assignedThisMonth[next] = (assignedThisMonth.TryGetValue(next, out var current) ? current : 0) + 1;
        }

        return next;
    }
}
