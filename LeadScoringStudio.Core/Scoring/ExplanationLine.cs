using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

public enum LineKind
{
    Criterion,
    Inactivity,
    Completeness,
    CategoryCap,
    DimensionLimit,
    TotalLimit,
}

/// <summary>
/// One line of a score's explanation. <see cref="Raw"/> + <see cref="Decay"/> + <see cref="Cap"/>
/// = <see cref="Final"/>; the finals of all lines add up to the total. A line of a total limit has
/// no dimension.
/// </summary>
public sealed record ExplanationLine(
    LineKind Kind,
    string? CriterionId,
    string Label,
    string Evidence,
    Dimension? Dimension,
    string? Category,
    int Raw,
    int Decay,
    int Cap,
    int Final);
