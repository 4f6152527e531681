using LeadScoringStudio.Core.Editing;
using LeadScoringStudio.Core.Models;
using static LeadScoringStudio.Tests.TestSupport.Models;

namespace LeadScoringStudio.Tests.Core.Editing;

public class ModelEditsTests
{
    private readonly ScoringModel _model = Small(
        Attribute("a", "seniority", Operator.Equals, 10, "VP"),
        Visits("v", 3),
        Attribute("b", "seniority", Operator.Equals, 5, "Director"),
        Attribute("neg", "email", Operator.EndsWith, -10, "@gmail.com"));

    [Fact]
    public void Unique_ids_count_up_from_2_ignoring_case()
    {
        Assert.Equal("x", ListEdits.UniqueId("x", ["a"]));
        Assert.Equal("a-2", ListEdits.UniqueId("a", ["A"]));
        Assert.Equal("a-4", ListEdits.UniqueId("a", ["a", "a-2", "a-3"]));
    }

    [Fact]
    public void Added_and_duplicated_criteria_get_free_ids()
    {
        var added = _model.AddCriterion(Attribute("a", "seniority", Operator.IsPresent, 1));
        Assert.Equal(["a", "v", "b", "neg", "a-2"], added.Criteria.Select(c => c.Id));

        var duplicated = _model.DuplicateCriterion(0);
        Assert.Equal(["a", "a-2", "v", "b", "neg"], duplicated.Criteria.Select(c => c.Id));
        Assert.Equal("a (copy)", duplicated.Criteria[1].Label);
        Assert.True(ModelValidator.Validate(duplicated).Count == 0);
    }

    [Fact]
    public void Moving_within_a_group_jumps_over_other_groups_and_stops_at_the_ends()
    {
        bool Fit(Criterion c) => CriterionGroups.Of(c) == CriterionGroup.Fit;

        Assert.Equal(["b", "a", "v", "neg"], _model.MoveCriterion(2, -1, Fit).Criteria.Select(c => c.Id));
        Assert.Same(_model, _model.MoveCriterion(0, -1, Fit));
        Assert.Same(_model, _model.MoveCriterion(2, 1, Fit));
    }

    [Fact]
    public void Removing_and_replacing_leave_the_rest_alone()
    {
        Assert.Equal(["a", "b", "neg"], _model.RemoveCriterion(1).Criteria.Select(c => c.Id));
        var replaced = _model.ReplaceCriterion(1, _model.Criteria[1].WithBasePoints(8));
        Assert.Equal(8, replaced.FindCriterion("v")!.BasePoints);
        Assert.Equal(_model.Criteria[0], replaced.Criteria[0]);
    }

    [Fact]
    public void Toggling_an_mql_cell_adds_it_in_grid_order_or_removes_it()
    {
        var added = _model.ToggleMqlCell(Cell.Parse("B2")).ToggleMqlCell(Cell.Parse("A2"));
        Assert.Equal(["A1", "A2", "B2"], added.MqlCells.Select(c => c.ToString()));
        Assert.Equal(["A2", "B2"], added.ToggleMqlCell(Cell.Parse("A1")).MqlCells.Select(c => c.ToString()));
    }

    [Fact]
    public void Groups_follow_dimension_and_sign()
    {
        Assert.Equal(
            [CriterionGroup.Fit, CriterionGroup.Engagement, CriterionGroup.Fit, CriterionGroup.Negative],
            _model.Criteria.Select(CriterionGroups.Of));
    }

    [Fact]
    public void New_criteria_and_disqualifiers_are_valid_as_they_come()
    {
        var model = StarterModel.Create();
        foreach (var group in Enum.GetValues<CriterionGroup>())
        {
            var edited = model
                .AddCriterion(CriterionGroups.NewAttributeCriterion(model, group))
                .AddCriterion(CriterionGroups.NewActivityCriterion(model, group))
                .AddDisqualifier(new Disqualifier("new", "New", CriterionGroups.NewCondition(model)));
            Assert.Empty(ModelValidator.Validate(edited));
            Assert.Equal(group, CriterionGroups.Of(edited.Criteria[^1]));
        }
    }

    [Fact]
    public void Cells_made_mql_get_a_sales_route_and_the_slowest_sla_sales_already_has()
    {
        var starter = StarterModel.Create();

        var proposed = starter.WithMqlCells([Cell.Parse("A1"), Cell.Parse("A4"), Cell.Parse("C1")]);

        Assert.Equal(["A1", "A4", "C1"], proposed.MqlCells.Select(c => c.ToString()));
        Assert.Equal(starter.ActionFor(Cell.Parse("A1")), proposed.ActionFor(Cell.Parse("A1")));
        var slowest = starter.Actions.Where(a => a.Route is Route.Sales or Route.SalesNow).Max(a => a.SlaHours);
        foreach (var cell in new[] { "A4", "C1" })
        {
            var action = proposed.ActionFor(Cell.Parse(cell));
            Assert.Equal((Route.Sales, slowest), (action.Route, action.SlaHours));
            Assert.Equal($"Sales follow-up within {slowest} h", action.Label);
        }

        Assert.Equal(starter.ActionFor(Cell.Parse("D4")), proposed.ActionFor(Cell.Parse("D4")));
    }
}
