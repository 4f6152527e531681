using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Tests.Core.Scoring;

public class ExplanationInvariantTests
{
    [Fact]
    public void Lines_add_up_exactly_to_the_scores_shown_on_generated_leads()
    {
        var generator = new DemoDataGenerator(7, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var scorer = new LeadScorer(StarterModel.Create());
        var capped = 0;

        foreach (var generated in generator.GenerateMany(2000))
        {
            var score = scorer.Score(generated.Lead, generator.AsOf);
            Assert.Equal(score.Total, score.Explanation.Sum(l => l.Final));
            Assert.Equal(score.Fit, score.Explanation.Where(l => l.Dimension == Dimension.Fit).Sum(l => l.Final));
            Assert.Equal(score.Engagement, score.Explanation.Where(l => l.Dimension == Dimension.Engagement).Sum(l => l.Final));
            Assert.All(score.Explanation, l => Assert.Equal(l.Final, l.Raw + l.Decay + l.Cap));
            foreach (var category in score.Categories)
            {
                Assert.Equal(category.Score, score.Explanation.Where(l => l.Category == category.CategoryId).Sum(l => l.Final));
            }

            capped += score.Explanation.Count(l => l.Kind is LineKind.DimensionLimit or LineKind.CategoryCap);
        }

        Assert.True(capped > 0, "the generated leads should exercise caps and floors too");
    }
}
