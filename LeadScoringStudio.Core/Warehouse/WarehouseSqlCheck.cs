using System.Text.RegularExpressions;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Warehouse;

/// <summary>What in a model the SQL cannot express exactly, one sentence each naming the criterion: such a model is
/// refused, never approximated.</summary>
internal static partial class WarehouseSqlCheck
{
    public static IReadOnlyList<string> Problems(ScoringModel model)
    {
        var problems = new List<string>();
        foreach (var criterion in model.Criteria)
        {
            var who = $"Criterion '{criterion.Label}'";
            switch (criterion)
            {
                case AttributeCriterion attribute:
                    problems.AddRange(attribute.Conditions.SelectMany(c => AttributeProblems(model, c, who)));
                    break;
                case ActivityCriterion activity:
                    problems.AddRange(PropertyProblems(activity.When, who));
                    break;
            }
        }

        foreach (var disqualifier in model.Disqualifiers)
        {
            var who = $"Disqualifier '{disqualifier.Reason}'";
            problems.AddRange(disqualifier.When switch
            {
                AttributeCondition attribute => AttributeProblems(model, attribute, who),
                ActivityCondition activity => PropertyProblems(activity, who),
                _ => [],
            });
        }

        problems.AddRange((model.Completeness?.Fields ?? []).Where(f => model.FindField(f) is null).Select(f =>
            $"Data completeness counts the field '{f}', which the model does not define, so the SQL does not know " +
            "its column's type."));
        return problems;
    }

    private static IEnumerable<string> AttributeProblems(ScoringModel model, AttributeCondition condition, string who)
    {
        if (model.FindField(condition.Field) is not { } field)
        {
            yield return $"{who} reads the field '{condition.Field}', which the model does not define, so the SQL " +
                         "does not know its column's type.";
        }
        else if (condition.Operator is Operator.Contains or Operator.StartsWith or Operator.EndsWith
                 && field.Type != FieldType.Text)
        {
            yield return $"{who} asks whether the {field.Type.ToString().ToLowerInvariant()} field '{field.Name}' " +
                         $"{OperatorRules.Describe(condition.Operator)} a text; the core compares the value written " +
                         "out as text, which SQL engines write differently. Compare it as a value instead.";
        }
    }

    private static IEnumerable<string> PropertyProblems(ActivityCondition condition, string who) =>
        condition.Filters.Where(f => !PlainName().IsMatch(f.Property)).Select(f =>
            $"{who} filters on the property '{f.Property}'; the SQL reads properties whose names are letters, digits " +
            "and underscores, starting with a letter or underscore.");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
