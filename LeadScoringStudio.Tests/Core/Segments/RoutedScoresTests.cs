using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Segments;
using LeadScoringStudio.Tests.TestSupport;

namespace LeadScoringStudio.Tests.Core.Segments;

public class RoutedScoresTests
{
    private static readonly DateTimeOffset AsOf = Leads.AsOf;

    /// <summary>Enough leads for three of the scorers' chunks of 4,096.</summary>
    private static readonly IReadOnlyList<Lead> Generated =
        new DemoDataGenerator(21, AsOf, averageActivities: 12).GenerateMany(9000).Select(g => g.Lead).ToList();

    private static readonly RoutedModels Demo = new(DemoSegments.Routing("starter", "enterprise"),
        [DemoSegments.EnterpriseModel(), StarterModel.Create()]);

    [Fact]
    public void Every_lead_is_scored_by_its_own_segments_model_and_by_no_other()
    {
        var routed = Demo.Score(LeadBatch.From(Generated), AsOf);

        for (var i = 0; i < Generated.Count; i++)
        {
            var (segment, model) = Demo.For(Generated[i]);
            var expected = LeadScorer.Score(model, Generated[i], AsOf);
            Assert.Equal(segment, routed.SegmentOf[i]);
            Assert.Equal((expected.Fit, expected.Engagement, expected.Total, expected.Cell, expected.IsMql,
                    expected.IsDisqualified),
                (routed.Scores.Fit[i], routed.Scores.Engagement[i], routed.Scores.Total[i], routed.Scores.CellOf(i),
                    routed.Scores.IsMql[i], routed.Scores.IsDisqualified[i]));
            Assert.Equal(expected.IsDisqualified ? CellAction.Disqualified : expected.Action, routed.ActionAt(i));
            foreach (var category in expected.Categories)
            {
                var product = routed.Products.Select(p => p.Id).ToList().IndexOf(category.CategoryId);
                Assert.Equal(category.Score, routed.ProductScore(i, product));
                Assert.Equal(category.IsHot, routed.IsHot(i, product));
            }
        }

        Assert.Equal(new[] { 0, 1 }.Select(s => Generated.Count(l => Demo.Routing.Route(l) == s)),
            routed.CountBySegment().Select(c => c.Leads));
        Assert.All(routed.CountBySegment(), c => Assert.True(c.Leads > 0));
    }

    [Fact]
    public void A_product_the_leads_model_does_not_score_is_never_hot_for_it()
    {
        var routed = Demo.Score(LeadBatch.From(Generated), AsOf);
        var payments = routed.Products.Select(p => p.Id).ToList().IndexOf("payments");

        Assert.Equal(["analytics", "security", "payments"], routed.Products.Select(p => p.Id));
        var enterprise = Enumerable.Range(0, routed.Count).Where(i => routed.SegmentOf[i] == 0).ToList();
        Assert.All(enterprise, i => Assert.False(routed.IsHot(i, payments)));
        Assert.All(enterprise, i => Assert.Equal(0, routed.ProductScore(i, payments)));
    }

    [Fact]
    public void One_model_for_everyone_scores_exactly_as_the_batch_scorer()
    {
        var batch = LeadBatch.From(Generated);
        var model = StarterModel.Create();

        var routed = RoutedModels.Everyone("starter", model).Score(batch, AsOf);
        var alone = new BatchScorer(model, batch).Score(AsOf);

        Assert.Equal(alone.Total, routed.Scores.Total);
        Assert.Equal(alone.CellIndex, routed.Scores.CellIndex);
        Assert.Equal(alone.CategoryScores, routed.Scores.CategoryScores);
    }
}
