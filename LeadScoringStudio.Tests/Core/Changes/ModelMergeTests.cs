using LeadScoringStudio.Core.Changes;
using LeadScoringStudio.Core.Editing;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Tests.Core.Changes;

public class ModelMergeTests
{
    private readonly ScoringModel _base = StarterModel.Create();

    [Fact]
    public void Changes_to_different_things_are_combined()
    {
        var mine = _base.WithCriterionPoints("pricing-page", 15);
        var theirs = _base.WithCriterionPoints("webinar", 7) with { FitBands = _base.FitBands with { First = 65 } };

        var result = ModelMerge.Merge(_base, mine, theirs);

        Assert.True(result.IsClean);
        Assert.Equal(theirs.WithCriterionPoints("pricing-page", 15), result.Model);
    }

    [Fact]
    public void Different_fields_of_the_same_criterion_are_combined()
    {
        var pricing = (ActivityCriterion)_base.FindCriterion("pricing-page")!;
        var index = _base.Criteria.ToList().FindIndex(c => c.Id == "pricing-page");
        var mine = _base.ReplaceCriterion(index, pricing with { PointsPerOccurrence = 12 });
        var theirs = _base.ReplaceCriterion(index, pricing with { MaxPoints = 50 });

        var merged = ModelMerge.Merge(_base, mine, theirs).Model!;

        Assert.Equal(pricing with { PointsPerOccurrence = 12, MaxPoints = 50 }, merged.FindCriterion("pricing-page"));
    }

    [Fact]
    public void The_same_field_changed_twice_is_a_conflict_with_both_values_until_someone_chooses()
    {
        var mine = _base.WithCriterionPoints("pricing-page", 15);
        var theirs = _base.WithCriterionPoints("pricing-page", 20).WithCriterionPoints("webinar", 7);

        var result = ModelMerge.Merge(_base, mine, theirs);

        Assert.False(result.IsClean);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(("criteria[pricing-page].pointsPerOccurrence", "Pricing page visit: points", "15", "20"), (conflict.Path, conflict.Subject, conflict.Mine, conflict.Theirs));

        var keepMine = ModelMerge.Merge(_base, mine, theirs, new Dictionary<string, MergeChoice> { [conflict.Path] = MergeChoice.Mine });
        Assert.Equal(theirs.WithCriterionPoints("pricing-page", 15), keepMine.Model);
        var keepTheirs = ModelMerge.Merge(_base, mine, theirs, new Dictionary<string, MergeChoice> { [conflict.Path] = MergeChoice.Theirs });
        Assert.Equal(theirs, keepTheirs.Model);
    }

    [Fact]
    public void Both_setting_the_same_value_is_no_conflict() =>
        Assert.True(ModelMerge.Merge(_base, _base.WithCriterionPoints("webinar", 9), _base.WithCriterionPoints("webinar", 9)).IsClean);

    [Fact]
    public void Additions_on_both_sides_are_kept_even_under_the_same_id()
    {
        var mine = _base.AddCriterion(CriterionGroups.NewAttributeCriterion(_base, CriterionGroup.Fit));
        var theirs = _base.AddCriterion(CriterionGroups.NewActivityCriterion(_base, CriterionGroup.Engagement) with { Id = "new-criterion" });

        var merged = ModelMerge.Merge(_base, mine, theirs).Model!;

        Assert.Equal(_base.Criteria.Count + 2, merged.Criteria.Count);
        Assert.IsType<ActivityCriterion>(merged.FindCriterion("new-criterion"));
        Assert.IsType<AttributeCriterion>(merged.FindCriterion("new-criterion-2"));
    }

    [Fact]
    public void Removing_what_the_other_changed_is_a_conflict_and_removing_what_they_left_alone_is_not()
    {
        var webinar = _base.Criteria.ToList().FindIndex(c => c.Id == "webinar");
        var mine = _base.RemoveCriterion(webinar);

        Assert.Null(ModelMerge.Merge(_base, mine, _base.WithCriterionPoints("email-click", 3)).Model!.FindCriterion("webinar"));
        var conflict = Assert.Single(ModelMerge.Merge(_base, mine, _base.WithCriterionPoints("webinar", 8)).Conflicts);
        Assert.Equal(("removed", "kept and changed (Webinar attended)"), (conflict.Mine, conflict.Theirs));
    }

    [Fact]
    public void My_reordering_survives_their_unrelated_edit()
    {
        bool Fit(Criterion c) => CriterionGroups.Of(c) == CriterionGroup.Fit;
        var mine = _base.MoveCriterion(1, -1, Fit);
        var theirs = _base.WithCriterionPoints("webinar", 7);

        var merged = ModelMerge.Merge(_base, mine, theirs).Model!;

        Assert.Equal(mine.Criteria.Select(c => c.Id), merged.Criteria.Select(c => c.Id));
        Assert.Equal(7, merged.FindCriterion("webinar")!.BasePoints);
    }

    [Fact]
    public void Bands_merged_into_the_wrong_order_are_reported_as_problems()
    {
        var mine = _base with { FitBands = _base.FitBands with { Second = 55 } };
        var theirs = _base with { FitBands = _base.FitBands with { First = 50 } };

        var result = ModelMerge.Merge(_base, mine, theirs);

        Assert.Null(result.Model);
        Assert.Empty(result.Conflicts);
        Assert.NotEmpty(result.Problems);
    }
}
