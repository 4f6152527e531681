using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Tests.TestSupport;

namespace LeadScoringStudio.Tests.Core.Demo;

public class ExampleLeadsTests
{
    private static readonly ScoringModel Starter = StarterModel.Create();
    private static readonly IReadOnlyList<ExampleLead> Examples = ExampleLeads.Create(Leads.AsOf);

    [Fact]
    public void About_a_dozen_distinct_examples_each_with_a_story_in_the_starter_models_terms()
    {
        Assert.InRange(Examples.Count, 10, 15);
        Assert.Equal(Examples.Count, Examples.Select(e => e.Lead.Id).Distinct().Count());
        Assert.All(Examples, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Story));
            Assert.All(e.Lead.Attributes.Keys, field => Assert.NotNull(Starter.FindField(field)));
            Assert.All(e.Lead.Activities, a => Assert.NotNull(Starter.FindActivityType(a.Type)));
            Assert.All(e.Lead.Activities, a => Assert.True(a.At <= Leads.AsOf));
        });
    }

    [Theory]
    [InlineData("ex-student", "disqualified")]
    [InlineData("ex-competitor", "disqualified")]
    [InlineData("ex-pricing-cfo", "mql")]
    [InlineData("ex-demo-request", "mql")]
    [InlineData("ex-gone-cold", "not mql")]
    [InlineData("ex-enterprise-quiet", "account-based")]
    [InlineData("ex-job-seeker", "not mql")]
    public void The_starter_model_does_what_each_story_says(string id, string verdict)
    {
        var score = LeadScorer.Score(Starter, Examples.Single(e => e.Lead.Id == id).Lead, Leads.AsOf);

        switch (verdict)
        {
            case "disqualified":
                Assert.True(score.IsDisqualified);
                break;
            case "mql":
                Assert.True(score.IsMql, $"{id} is {score.Cell} with {score.Total} points");
                break;
            case "account-based":
                Assert.Equal(Route.AccountBased, score.Action.Route);
                break;
            default:
                Assert.False(score.IsMql, $"{id} is {score.Cell} with {score.Total} points");
                break;
        }
    }
}
