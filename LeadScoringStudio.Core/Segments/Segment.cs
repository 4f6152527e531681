using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Segments;

/// <summary>A group of leads scored by one model: those whose attribute meets <see cref="When"/>, or, for the
/// routing's last segment (no condition), everyone the rules before it left.</summary>
public sealed record Segment(string Name, string ModelKey, AttributeCondition? When);
