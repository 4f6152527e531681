using LeadScoringStudio.Core.Segments;

namespace LeadScoringStudio.Core.Listing;

/// <summary>What a lead list filters and orders on, all in lead-set order: each lead's segment and the scores its
/// segment's published model gave it, and the recorded funnel.</summary>
public sealed record LeadColumns(RoutedScores Routed, FunnelColumns Funnel)
{
    public Scoring.BatchScores Scores => Routed.Scores;
}

/// <summary>
/// Filters, orders and pages a lead list over columns, in one pass and without sorting every lead: only the leads up
/// to the end of the asked page are kept in a heap, so the first page of a million leads costs one scan.
/// </summary>
public static class LeadListing
{
    /// <summary>A pool lead this far past its SLA is stale: nobody took it in time, and it is folded away.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(7);

    public static ListingPage Run(LeadColumns leads, LeadQuery query, DateTimeOffset now)
    {
        var filter = new LeadFilter(leads, query, now);
        var keep = Math.Max(0, query.Skip) + Math.Max(0, query.Take);
        var largestFirst = Comparer<(long Key, int Position)>.Create((a, b) => b.CompareTo(a));
        var kept = new PriorityQueue<int, (long Key, int Position)>(keep + 1, largestFirst);
        int matching = 0, folded = 0;
        foreach (var position in query.Among ?? (IEnumerable<int>)Enumerable.Range(0, leads.Scores.Count))
        {
            switch (filter.Test(position))
            {
                case LeadFilter.Outcome.Folded:
                    folded++;
                    continue;
                case LeadFilter.Outcome.Out:
                    continue;
            }

            matching++;
            var key = Key(leads, query.Order, position);
            var entry = (query.Descending ? -key : key, position);
            if (kept.Count < keep)
            {
                kept.Enqueue(position, entry);
            }
            else if (keep > 0 && kept.TryPeek(out _, out var largest) && entry.CompareTo(largest) < 0)
            {
                kept.EnqueueDequeue(position, entry);
            }
        }

        var page = kept.UnorderedItems.OrderBy(e => e.Priority).Skip(query.Skip).Select(e => e.Element).ToList();
        return new ListingPage(page, matching, folded);
    }

    /// <summary>Ascending order of <paramref name="order"/>; ties go by position.</summary>
    private static long Key(LeadColumns leads, LeadOrder order, int position)
    {
        var scores = leads.Scores;
        return order switch
        {
            LeadOrder.Score => scores.Total[position],
            LeadOrder.Fit => scores.Fit[position],
            LeadOrder.Engagement => scores.Engagement[position],
            LeadOrder.MqlSince => leads.Funnel.MqlSinceTicks[position],
            _ => WorkOrder(leads, position),
        };
    }

    /// <summary>MQLs first, then the action's priority (1 first), then the highest total.</summary>
    private static long WorkOrder(LeadColumns leads, int position)
    {
        var scores = leads.Scores;
        var priority = scores.IsDisqualified[position] ? int.MaxValue : leads.Routed.ActionAt(position).Priority;
        return ((scores.IsMql[position] ? 0L : 1L) << 62)
            | ((long)Math.Min(priority, (1 << 29) - 1) << 32)
            | ((long)int.MaxValue - scores.Total[position]);
    }
}
