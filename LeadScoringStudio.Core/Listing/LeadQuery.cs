using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Listing;

/// <summary>How a lead list is ordered.</summary>
public enum LeadOrder
{
    /// <summary>Work order: MQLs first, then the cell action's priority, then the highest score.</summary>
    Priority,
    Score,
    Fit,
    Engagement,
    MqlSince,
}

/// <summary>
/// Which leads a list shows and in what order; every filter left null lets all leads through. <see cref="Owner"/>
/// names a person; <see cref="InPool"/> keeps only leads nobody owns. <see cref="Overdue"/> keeps MQLs whose cell's
/// SLA ran out; <see cref="FoldStalePool"/> leaves out pool leads overdue by more than
/// <see cref="LeadListing.StaleAfter"/> and counts them instead. <see cref="Among"/> limits the list to the
/// positions a search found.
/// </summary>
public sealed record LeadQuery
{
    public Stage? Stage { get; init; }

    public Cell? Cell { get; init; }

    /// <summary>A segment's index in the routing: only the leads it scores.</summary>
    public int? Segment { get; init; }

    /// <summary>A product's index in <see cref="Segments.RoutedScores.Products"/>: only leads hot for it.</summary>
    public int? HotFor { get; init; }

    public string? Owner { get; init; }

    public bool InPool { get; init; }

    public DateTimeOffset? MqlSince { get; init; }

    public bool Overdue { get; init; }

    public bool FoldStalePool { get; init; }

    public IReadOnlyCollection<int>? Among { get; init; }

    public LeadOrder Order { get; init; } = LeadOrder.Priority;

    public bool Descending { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 25;
}

/// <summary>One page of a lead list: the positions to show, how many leads match, and how many stale pool leads
/// were folded away.</summary>
public sealed record ListingPage(IReadOnlyList<int> Positions, int Matching, int FoldedStale);
