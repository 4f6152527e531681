namespace LeadScoringStudio.Core.Models;

/// <summary>Fit is who the lead is (explicit data); engagement is what the lead does (implicit data).</summary>
public enum Dimension
{
    Fit,
    Engagement,
}

/// <summary>
/// One rule that gives (or, with negative points, takes) points. A criterion counts towards one
/// dimension and optionally towards one category (a product or interest area).
/// </summary>
public abstract record Criterion(string Id, string Label, Dimension Dimension, string? Category)
{
    /// <summary>The points one match gives; for activity criteria, one occurrence.</summary>
    public abstract int BasePoints { get; }

    public abstract Criterion WithBasePoints(int points);

    public bool IsNegative => BasePoints < 0;
}

/// <summary>
/// Points once when a lead attribute matches, e.g. +15 when seniority is one of [VP, C-level]; with
/// <see cref="AlsoWhen"/>, only when those conditions on other fields match too (month is March and contact is by
/// mobile).
/// </summary>
public sealed record AttributeCriterion(
    string Id,
    string Label,
    Dimension Dimension,
    string? Category,
    AttributeCondition When,
    int Points) : Criterion(Id, Label, Dimension, Category)
{
    /// <summary>Further conditions that must all match as well; empty for a criterion on one field.</summary>
    public ValueList<AttributeCondition> AlsoWhen { get; init; } = [];

    /// <summary><see cref="When"/> and every condition of <see cref="AlsoWhen"/>.</summary>
    public IEnumerable<AttributeCondition> Conditions => AlsoWhen.Prepend(When);

    public override int BasePoints => Points;

    public override Criterion WithBasePoints(int points) => this with { Points = points };
}

/// <summary>
/// Points for each matching activity within the lookback window, the most recent
/// <see cref="MaxOccurrences"/> counted, each fading by its age, and the criterion's total capped
/// at <see cref="MaxPoints"/> (in size: a negative criterion is capped at minus that).
/// </summary>
public sealed record ActivityCriterion(
    string Id,
    string Label,
    Dimension Dimension,
    string? Category,
    ActivityCondition When,
    int PointsPerOccurrence,
    int? MaxOccurrences,
    int? MaxPoints,
    int? LookbackDays,
    Decay Decay) : Criterion(Id, Label, Dimension, Category)
{
    public override int BasePoints => PointsPerOccurrence;

    public override Criterion WithBasePoints(int points) => this with { PointsPerOccurrence = points };
}

/// <summary>A hard gate: a lead matching it is never handed to sales, whatever its points.</summary>
public sealed record Disqualifier(string Id, string Reason, Condition When);
