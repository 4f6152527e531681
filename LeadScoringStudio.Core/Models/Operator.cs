namespace LeadScoringStudio.Core.Models;

/// <summary>How a criterion compares a field or property with the values it lists. Text compares ignore case.</summary>
public enum Operator
{
    Equals,
    OneOf,
    NotOneOf,
    Contains,
    StartsWith,
    EndsWith,
    AtLeast,
    AtMost,
    Between,
    IsMissing,
    IsPresent,
}
