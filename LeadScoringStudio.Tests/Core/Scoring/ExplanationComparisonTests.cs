using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Tests.TestSupport;
using static LeadScoringStudio.Tests.TestSupport.Models;

namespace LeadScoringStudio.Tests.Core.Scoring;

public class ExplanationComparisonTests
{
    [Fact]
    public void Lines_up_criteria_and_keeps_lines_only_one_model_has()
    {
        var published = Small(Attribute("vp", "seniority", Operator.Equals, 20, "VP"), Visits("visits", 2));
        var draft = Small(Attribute("vp", "seniority", Operator.Equals, 25, "VP"), Attribute("big", "company_size", Operator.AtLeast, 5, "100"));
        var lead = Leads.With(("seniority", "VP"), ("company_size", 500)).Did("page_visit", 1);

        var lines = ExplanationComparison.Compare(LeadScorer.Score(draft, lead, Leads.AsOf), LeadScorer.Score(published, lead, Leads.AsOf));

        Assert.Equal(
            [("vp", (int?)25, (int?)20, true), ("big", 5, null, true), ("visits", null, 2, true)],
            lines.Select(l => (l.Label, l.Draft, l.Published, l.Differs)));
    }

    [Fact]
    public void Every_example_lead_compares_without_clashing_keys()
    {
        var starter = StarterModel.Create();
        var draft = starter.WithCriterionPoints("pricing-page", 30);
        foreach (var example in LeadScoringStudio.Core.Demo.ExampleLeads.Create(Leads.AsOf))
        {
            var draftScore = LeadScorer.Score(draft, example.Lead, Leads.AsOf);
            var lines = ExplanationComparison.Compare(draftScore, LeadScorer.Score(starter, example.Lead, Leads.AsOf));
            Assert.Equal(draftScore.Explanation.Sum(l => l.Final), lines.Sum(l => l.Draft ?? 0));
        }
    }
}
