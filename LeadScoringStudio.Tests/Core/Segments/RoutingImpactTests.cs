using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Segments;
using LeadScoringStudio.Tests.TestSupport;

namespace LeadScoringStudio.Tests.Core.Segments;

public class RoutingImpactTests
{
    private static readonly IReadOnlyList<Lead> Generated =
        new DemoDataGenerator(8, Leads.AsOf, averageActivities: 12).GenerateMany(2000).Select(g => g.Lead).ToList();

    private static readonly LeadBatch Batch = LeadBatch.From(Generated);

    [Fact]
    public void Moving_the_enterprise_threshold_names_the_leads_that_change_segment_and_mql()
    {
        var models = new ScoringModel[] { DemoSegments.EnterpriseModel(), StarterModel.Create() };
        var before = new RoutedModels(DemoSegments.Routing("starter", "enterprise"), models).Score(Batch, Leads.AsOf);
        var lowered = DemoSegments.Routing("starter", "enterprise") is var routing
            ? routing with { Rules = [routing.Rules[0] with { When = new AttributeCondition("company_size",
                Operator.AtLeast, ["500"]) }] }
            : null!;
        var after = new RoutedModels(lowered, models).Score(Batch, Leads.AsOf);

        var impact = RoutingImpact.Compare(before, after);

        var moved = Generated.Count(l =>
            l.Attribute("company_size") is { Type: FieldType.Number, Number: >= 500 and < 1000 });
        Assert.True(moved > 0);
        var move = Assert.Single(impact.Moves);
        Assert.Equal(("SMB and mid-market", "Enterprise", moved), (move.From, move.To, move.Leads));
        var entered = Enumerable.Range(0, Generated.Count)
            .Where(i => after.Scores.IsMql[i] && !before.Scores.IsMql[i]).ToList();
        Assert.Equal(entered, impact.EnterMql);
        Assert.Equal(Enumerable.Range(0, Generated.Count).Where(i => before.Scores.IsMql[i] && !after.Scores.IsMql[i]),
            impact.LeaveMql);
        Assert.True(impact.EnterMql.Count + impact.LeaveMql.Count > 0);
        Assert.All(impact.EnterMql.Concat(impact.LeaveMql),
            i => Assert.NotEqual(before.SegmentOf[i], after.SegmentOf[i]));
        Assert.Equal(after.CountBySegment(), impact.Segments);
    }

    [Fact]
    public void The_same_routing_changes_nothing()
    {
        var routed = RoutedModels.Everyone("starter", StarterModel.Create()).Score(Batch, Leads.AsOf);

        var impact = RoutingImpact.Compare(routed, routed);

        Assert.Equal((0, 0, 0), (impact.Moved, impact.EnterMql.Count, impact.LeaveMql.Count));
    }
}
