using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Models;

/// <summary>
/// Checks one condition of a model (a criterion's or a disqualifier's): that its field or activity type exists, that
/// its operator suits the field's type, and that its values are there and can be read as that type.
/// </summary>
internal static class ConditionValidator
{
    public static void Check(ScoringModel model, Condition condition, string path, Action<string, string> problem)
    {
        switch (condition)
        {
            case AttributeCondition attribute:
                var field = model.FindField(attribute.Field);
                if (field is null)
                {
                    problem($"{path}.attribute.field",
                        $"there is no field '{attribute.Field}'; add it to the fields first");
                    return;
                }

                CheckOperator(attribute.Operator, attribute.Values, field.Type, field.Label, $"{path}.attribute",
                    problem);
                break;
            case ActivityCondition activity:
                if (model.FindActivityType(activity.ActivityType) is null)
                {
                    problem($"{path}.activity.type", $"there is no activity type '{activity.ActivityType}'");
                }

                for (var i = 0; i < activity.Filters.Count; i++)
                {
                    var filter = activity.Filters[i];
                    var filterPath = $"{path}.activity.filters[{i}]";
                    if (string.IsNullOrWhiteSpace(filter.Property))
                    {
                        problem($"{filterPath}.property", "name the activity property to filter on (e.g. url, topic)");
                    }

                    CheckValueCount(filter.Operator, filter.Values, filterPath, problem);
                }

                break;
        }
    }

    private static void CheckOperator(Operator op, ValueList<string> values, FieldType type, string label, string path,
        Action<string, string> problem)
    {
        if (!OperatorRules.Suits(op, type))
        {
            problem($"{path}.operator", $"'{OperatorRules.Describe(op)}' does not work on {label}, which is a " +
                $"{Describe(type)} field");
            return;
        }

        if (!CheckValueCount(op, values, path, problem))
        {
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (op is not (Operator.Contains or Operator.StartsWith or Operator.EndsWith)
                && !ValueParser.TryParse(values[i], type, out _))
            {
                problem($"{path}.values[{i}]", $"'{values[i]}' is not a {Describe(type)} value, which {label} needs");
            }
        }

        if (op == Operator.Between && ValueParser.TryParse(values[0], type, out var low)
            && ValueParser.TryParse(values[1], type, out var high)
            && (type == FieldType.Number ? low.Number > high.Number : low.Date > high.Date))
        {
            problem($"{path}.values", $"'between' needs the lowest value first: {values[0]} is above {values[1]}");
        }
    }

    private static bool CheckValueCount(Operator op, ValueList<string> values, string path,
        Action<string, string> problem)
    {
        if (OperatorRules.CheckValueCount(op, values.Count) is { } message)
        {
            problem($"{path}.values", message);
            return false;
        }

        return true;
    }

    private static string Describe(FieldType type) => type switch
    {
        FieldType.YesNo => "yes/no",
        _ => type.ToString().ToLowerInvariant(),
    };
}
