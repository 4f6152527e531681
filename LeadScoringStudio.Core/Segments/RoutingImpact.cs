namespace LeadScoringStudio.Core.Segments;

/// <summary>Leads that one segment loses to another when a routing changes.</summary>
public sealed record SegmentMove(string From, string To, int Leads);

/// <summary>
/// What moving a routing does to the same leads before it lands: how many change segment (and between which), and
/// which leads become or stop being MQLs because another model now scores them, and each segment's leads and MQLs
/// after.
/// </summary>
public sealed record RoutingImpact(int Leads, IReadOnlyList<SegmentMove> Moves, IReadOnlyList<int> EnterMql,
    IReadOnlyList<int> LeaveMql, IReadOnlyList<SegmentCount> Segments)
{
    public int Moved => Moves.Sum(m => m.Leads);

    public static RoutingImpact Compare(RoutedScores before, RoutedScores after)
    {
        if (before.Count != after.Count)
        {
            throw new ArgumentException("Both routings must score the same leads.", nameof(after));
        }

        var moves = new Dictionary<(string From, string To), int>();
        var (enter, leave) = (new List<int>(), new List<int>());
        for (var lead = 0; lead < after.Count; lead++)
        {
            var (from, to) = (before.SegmentAt(lead).Name, after.SegmentAt(lead).Name);
            if (from != to)
            {
                moves[(from, to)] = moves.GetValueOrDefault((from, to)) + 1;
            }

            var (wasMql, isMql) = (before.Scores.IsMql[lead], after.Scores.IsMql[lead]);
            if (isMql && !wasMql)
            {
                enter.Add(lead);
            }
            else if (wasMql && !isMql)
            {
                leave.Add(lead);
            }
        }

        return new RoutingImpact(after.Count,
            [.. moves.OrderByDescending(m => m.Value).Select(m => new SegmentMove(m.Key.From, m.Key.To, m.Value))],
            enter, leave, after.CountBySegment());
    }
}
