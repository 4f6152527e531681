namespace LeadScoringStudio.Core.Models;

/// <summary>Where a lead in a cell goes.</summary>
public enum Route
{
    SalesNow,
    Sales,
    Nurture,
    AccountBased,
    Disqualify,
}

/// <summary>
/// What to do with a lead in a cell: a label people read ("Call within the hour"), the route, a
/// priority (1 = first) and a response time in hours (none for routes that are not sales).
/// </summary>
public sealed record CellAction(string Label, Route Route, int Priority, int? SlaHours)
{
    /// <summary>The action of every disqualified lead, whatever its cell.</summary>
    public static CellAction Disqualified { get; } = new("Disqualified", Route.Disqualify, int.MaxValue, null);
}
