namespace LeadScoringStudio.Core.Leads;

/// <summary>How a lead turned out, when sales knows.</summary>
public enum LeadOutcome
{
    Unknown,
    Converted,
    NotConverted,
}

/// <summary>Where the outcome that counts for a lead comes from.</summary>
public enum OutcomeSource
{
    None,

    /// <summary>An import or the API gave it.</summary>
    Import,

    /// <summary>Sales marked the lead won or lost.</summary>
    Sales,
}

/// <summary>A lead's outcome with the source it came from.</summary>
public readonly record struct KnownOutcome(LeadOutcome Outcome, OutcomeSource Source)
{
    /// <summary>
    /// The one rule for which outcome counts: what sales said last (won or lost) wins, since it is first-hand and
    /// newer than any export; otherwise the outcome an import or the API gave; otherwise unknown.
    /// </summary>
    public static KnownOutcome Of(LeadOutcome imported, LeadOutcome? sales) =>
        sales is { } said and not LeadOutcome.Unknown ? new(said, OutcomeSource.Sales)
        : imported != LeadOutcome.Unknown ? new(imported, OutcomeSource.Import)
        : new(LeadOutcome.Unknown, OutcomeSource.None);
}
