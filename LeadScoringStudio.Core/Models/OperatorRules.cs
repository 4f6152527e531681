using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Models;

/// <summary>Which operators suit which field types, how many values each takes, and their names in words.</summary>
public static class OperatorRules
{
    public static string Describe(Operator op) => op switch
    {
        Operator.Equals => "equals",
        Operator.OneOf => "one of",
        Operator.NotOneOf => "not one of",
        Operator.Contains => "contains",
        Operator.StartsWith => "starts with",
        Operator.EndsWith => "ends with",
        Operator.AtLeast => "at least",
        Operator.AtMost => "at most",
        Operator.Between => "between",
        Operator.IsMissing => "is missing",
        Operator.IsPresent => "is present",
        _ => op.ToString(),
    };

    /// <summary>False for the operators that only ask whether a value is there.</summary>
    public static bool TakesValues(Operator op) => op is not (Operator.IsMissing or Operator.IsPresent);

    public static bool Suits(Operator op, FieldType type) => op switch
    {
        Operator.IsMissing or Operator.IsPresent or Operator.Equals or Operator.OneOf or Operator.NotOneOf => true,
        Operator.Contains or Operator.StartsWith or Operator.EndsWith => type == FieldType.Text,
        Operator.AtLeast or Operator.AtMost or Operator.Between => type is FieldType.Number or FieldType.Date,
        _ => false,
    };

    /// <summary>The problem with the number of values an operator was given, or null when it is right.</summary>
    public static string? CheckValueCount(Operator op, int count) => op switch
    {
        Operator.IsMissing or Operator.IsPresent when count != 0 => $"'{Describe(op)}' takes no values",
        Operator.Equals or Operator.AtLeast or Operator.AtMost when count != 1 => $"'{Describe(op)}' takes exactly one value",
        Operator.Between when count != 2 => "'between' takes two values: the lowest and the highest",
        Operator.OneOf or Operator.NotOneOf or Operator.Contains or Operator.StartsWith or Operator.EndsWith when count == 0 =>
            $"'{Describe(op)}' needs at least one value",
        _ => null,
    };
}
