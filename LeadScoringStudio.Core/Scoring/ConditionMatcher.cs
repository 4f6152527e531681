using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// Decides whether one value passes an operator and its listed values. A missing value matches only
/// "is missing": it is no evidence for or against anything else (so "not one of" does not match it).
/// Text compares ignore case; text that reads as a number compares as one for ≥, ≤ and between.
/// </summary>
public static class ConditionMatcher
{
    public static bool Matches(AttributeCondition condition, Lead lead) =>
        Matches(condition.Operator, condition.Values, lead.Attribute(condition.Field));

    /// <summary>Whether every condition of the criterion matches the lead.</summary>
    public static bool Matches(AttributeCriterion criterion, Lead lead) =>
        criterion.Conditions.All(condition => Matches(condition, lead));

    public static bool Matches(ActivityCondition condition, Activity activity) =>
        string.Equals(condition.ActivityType, activity.Type, StringComparison.OrdinalIgnoreCase)
        && condition.Filters.All(filter =>
            Matches(filter.Operator, filter.Values, FieldValue.OfText(activity.Property(filter.Property))));

    public static bool Matches(Operator op, IReadOnlyList<string> values, FieldValue value) => op switch
    {
        Operator.IsMissing => value.IsMissing,
        Operator.IsPresent => !value.IsMissing,
        _ when value.IsMissing => false,
        Operator.Equals or Operator.OneOf => values.Any(v => AreEqual(value, v)),
        Operator.NotOneOf => !values.Any(v => AreEqual(value, v)),
        Operator.Contains => values.Any(v => value.ToString().Contains(v, StringComparison.OrdinalIgnoreCase)),
        Operator.StartsWith => values.Any(v => value.ToString().StartsWith(v, StringComparison.OrdinalIgnoreCase)),
        Operator.EndsWith => values.Any(v => value.ToString().EndsWith(v, StringComparison.OrdinalIgnoreCase)),
        Operator.AtLeast => values.Count >= 1 && Compare(value, values[0]) >= 0,
        Operator.AtMost => values.Count >= 1 && Compare(value, values[0]) <= 0,
        Operator.Between => values.Count >= 2 && Compare(value, values[0]) >= 0 && Compare(value, values[1]) <= 0,
        _ => false,
    };

    private static bool AreEqual(FieldValue value, string listed) => value.Type switch
    {
        FieldType.Number => ValueParser.TryParseNumber(listed, out var number) && number == value.Number,
        FieldType.YesNo => ValueParser.TryParseYesNo(listed, out var yes) && yes == value.Yes,
        FieldType.Date => ValueParser.TryParseDate(listed, out var date) && date == value.Date,
        _ => string.Equals(value.Text?.Trim(), listed.Trim(), StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>The order of the value against a listed bound, or null when they cannot be compared.</summary>
    private static int? Compare(FieldValue value, string bound)
    {
        switch (value.Type)
        {
            case FieldType.Date when ValueParser.TryParseDate(bound, out var date):
                return value.Date.CompareTo(date);
            case FieldType.Number when ValueParser.TryParseNumber(bound, out var number):
                return value.Number.CompareTo(number);
            case FieldType.Text when ValueParser.TryParseNumber(value.Text, out var own)
                                     && ValueParser.TryParseNumber(bound, out var other):
                return own.CompareTo(other);
            default:
                return null;
        }
    }
}
