using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Warehouse;

/// <summary>The fields and activity properties a model reads, each name once (in any case), in the model's
/// order.</summary>
internal static class ModelReads
{
    public static IEnumerable<string> Fields(ScoringModel model) =>
        model.Criteria.OfType<AttributeCriterion>().SelectMany(c => c.Conditions)
            .Concat(model.Disqualifiers.Select(d => d.When).OfType<AttributeCondition>())
            .Select(c => c.Field)
            .Concat(model.Completeness?.Fields ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> Properties(ScoringModel model) =>
        ActivityConditions(model).SelectMany(c => c.Filters).Select(f => f.Property)
            .Distinct(StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<ActivityCondition> ActivityConditions(ScoringModel model) =>
        model.Criteria.OfType<ActivityCriterion>().Select(c => c.When)
            .Concat(model.Disqualifiers.Select(d => d.When).OfType<ActivityCondition>());
}
