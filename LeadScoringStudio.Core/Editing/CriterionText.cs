using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Editing;

/// <summary>A criterion or condition in one line of plain words, e.g. "Seniority one of C-level, VP".</summary>
public static class CriterionText
{
    public static string Describe(ScoringModel model, Criterion criterion) => criterion switch
    {
        AttributeCriterion attribute => string.Join(" and ", attribute.Conditions.Select(c => Describe(model, c))),
        ActivityCriterion activity => string.Join(" · ", new[]
        {
            Describe(model, activity.When),
            activity.MaxOccurrences is { } count ? $"up to {count}×" : null,
            activity.MaxPoints is { } cap ? $"cap {cap}" : null,
            activity.LookbackDays is { } days ? $"last {days} days" : null,
            activity.Decay.Kind switch
            {
                DecayKind.HalfLife => $"half-life {activity.Decay.Days} days",
                DecayKind.Linear => $"fades out over {activity.Decay.Days} days",
                _ => null,
            },
        }.Where(part => part is not null)),
        _ => "",
    };

    public static string Describe(ScoringModel model, Condition condition) => condition switch
    {
        AttributeCondition attribute => Clause(model.FindField(attribute.Field)?.Label ?? attribute.Field,
            attribute.Operator, attribute.Values),
        ActivityCondition activity => (model.FindActivityType(activity.ActivityType)?.Label ?? activity.ActivityType)
            + string.Concat(activity.Filters.Select((filter, i) =>
                (i == 0 ? " where " : " and ") + Clause(filter.Property, filter.Operator, filter.Values))),
        _ => "",
    };

    private static string Clause(string subject, Operator op, IReadOnlyList<string> values) =>
        OperatorRules.TakesValues(op)
            ? $"{subject} {OperatorRules.Describe(op)} {(op == Operator.Between && values.Count == 2 ? $"{values[0]} and {values[1]}" : ValuesText.Format(values))}"
            : $"{subject} {OperatorRules.Describe(op)}";
}
