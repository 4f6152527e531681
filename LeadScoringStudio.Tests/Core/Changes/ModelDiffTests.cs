using LeadScoringStudio.Core.Changes;
using LeadScoringStudio.Core.Editing;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Tests.Core.Changes;

public class ModelDiffTests
{
    private readonly ScoringModel _starter = StarterModel.Create();

    [Fact]
    public void The_same_model_has_no_differences() => Assert.Empty(ModelDiff.Compare(_starter, StarterModel.Create()));

    [Fact]
    public void Points_bands_and_added_criteria_read_as_sentences()
    {
        var careers = new AttributeCriterion("careers", "Careers page", Dimension.Engagement, null, new AttributeCondition("persona", Operator.Equals, ["job seeker"]), -20);
        var after = _starter.WithCriterionPoints("pricing-page", 15) with { EngagementBands = _starter.EngagementBands with { Second = 40 } };
        after = after.AddCriterion(careers);

        var changes = ModelDiff.Compare(_starter, after).Select(c => c.Text).ToList();

        Assert.Equal(["Pricing page visit: 10 → 15 points", "Added: Careers page, −20", "Band B now starts at 40, was 35"], changes);
    }

    [Fact]
    public void Removed_renamed_and_reworded_conditions_say_what_they_were()
    {
        var director = (AttributeCriterion)_starter.FindCriterion("seniority-director")!;
        var after = _starter
            .RemoveCriterion(_starter.Criteria.ToList().FindIndex(c => c.Id == "webinar"))
            .ReplaceCriterion(_starter.Criteria.ToList().FindIndex(c => c.Id == "seniority-director"),
                director with { Label = "Director or head of", When = director.When with { Operator = Operator.OneOf, Values = ["Director", "Head"] } });

        var changes = ModelDiff.Compare(_starter, after);

        Assert.Contains(changes, c => c.Text == "Renamed: Director → Director or head of");
        Assert.Contains(changes, c => c.Text == "Director or head of: condition: seniority equals Director → seniority one of Director, Head");
        Assert.Contains(changes, c => c.Text == "Removed: Webinar attended" && c.CriterionId == "webinar");
        Assert.All(changes.Where(c => c.Path.StartsWith("criteria[seniority-director]")), c => Assert.Equal("seniority-director", c.CriterionId));
    }

    [Fact]
    public void Activity_settings_actions_mql_cells_categories_and_rules_are_named()
    {
        var pricing = (ActivityCriterion)_starter.FindCriterion("pricing-page")!;
        var after = _starter
            .ReplaceCriterion(_starter.Criteria.ToList().FindIndex(c => c.Id == "pricing-page"), pricing with { MaxPoints = null, Decay = Decay.Linear(60) })
            .ReplaceAction(Cell.Parse("C1"), _starter.ActionFor(Cell.Parse("C1")) with { SlaHours = 72 })
            .ToggleMqlCell(Cell.Parse("B3"))
            .ReplaceCategory(0, _starter.Categories[0] with { Watermark = 30 })
            with
            {
                Inactivity = _starter.Inactivity! with { Points = -40 },
                Limits = _starter.Limits with { Fit = new ScoreLimit(0, 120) },
            };

        var changes = ModelDiff.Compare(_starter, after).Select(c => c.Text).ToList();

        Assert.Contains("Pricing page visit: cap: 30 → none", changes);
        Assert.Contains("Pricing page visit: decay: half-life 30 days → linear 60 days", changes);
        Assert.Contains("C1 SLA (hours): none → 72", changes);
        Assert.Contains("B3 is now an MQL cell", changes);
        Assert.Contains("Analytics: watermark: 25 → 30", changes);
        Assert.Contains("Inactivity: points: -50 → -40", changes);
        Assert.Contains("Fit score highest: 100 → 120", changes);
        Assert.Equal(7, changes.Count);
    }
}
