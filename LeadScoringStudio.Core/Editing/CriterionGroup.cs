using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Editing;

/// <summary>How the editor groups criteria: fit, engagement, and negative (any criterion that takes points).</summary>
public enum CriterionGroup
{
    Fit,
    Engagement,
    Negative,
}

public static class CriterionGroups
{
    public static CriterionGroup Of(Criterion criterion) =>
        criterion.IsNegative ? CriterionGroup.Negative
        : criterion.Dimension == Dimension.Fit ? CriterionGroup.Fit
        : CriterionGroup.Engagement;

    /// <summary>A new attribute criterion for the group, on <see cref="NewCondition"/>.</summary>
    public static AttributeCriterion NewAttributeCriterion(ScoringModel model, CriterionGroup group) =>
        new("new-criterion", "New criterion", group == CriterionGroup.Fit ? Dimension.Fit : Dimension.Engagement, null, NewCondition(model), PointsFor(group));

    /// <summary>"Is present" on the first field that describes the lead rather than names it: valid as it stands, ready to be narrowed.</summary>
    public static AttributeCondition NewCondition(ScoringModel model)
    {
        var field = model.Fields.FirstOrDefault(f => f.Name is not (Leads.Lead.NameField or Leads.Lead.EmailField or Leads.Lead.CompanyField)) ?? model.Fields[0];
        return new AttributeCondition(field.Name, Operator.IsPresent, []);
    }

    /// <summary>A new activity criterion for the group: every occurrence of the model's first activity type in the last 90 days.</summary>
    public static ActivityCriterion NewActivityCriterion(ScoringModel model, CriterionGroup group) =>
        new(
            "new-activity-criterion", "New activity criterion", group == CriterionGroup.Fit ? Dimension.Fit : Dimension.Engagement, null,
            new ActivityCondition(model.ActivityTypes[0].Name, []), PointsFor(group), 5, null, 90, Decay.HalfLife(30));

    private static int PointsFor(CriterionGroup group) => group == CriterionGroup.Negative ? -5 : 5;
}
