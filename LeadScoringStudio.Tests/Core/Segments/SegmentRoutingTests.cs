using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Segments;
using LeadScoringStudio.Tests.TestSupport;

namespace LeadScoringStudio.Tests.Core.Segments;

public class SegmentRoutingTests
{
    /// <summary>Enterprise by size first, then anyone in financial services, then everyone else.</summary>
    private static readonly SegmentRouting Routing = new(
    [
        new Segment("Enterprise", "enterprise", new AttributeCondition("company_size", Operator.AtLeast, ["1000"])),
        new Segment("Fintech", "fintech", new AttributeCondition("industry", Operator.Equals, ["Financial services"])),
    ], new Segment("Everyone else", "smb", null));

    [Theory]
    [InlineData(5000, "Financial services", 0)] // both rules match: the first one wins
    [InlineData(50, "Financial services", 1)]
    [InlineData(50, "Software", 2)]
    [InlineData(null, null, 2)] // nothing known: the default
    public void The_first_rule_a_lead_meets_wins_and_the_default_takes_the_rest(int? employees, string? industry,
        int expected)
    {
        var lead = Leads.With(("company_size", employees), ("industry", industry));

        Assert.Equal(expected, Routing.Route(lead));
    }

    [Fact]
    public void Every_lead_of_a_batch_lands_in_exactly_the_segment_it_routes_to_alone()
    {
        var leads = new DemoDataGenerator(15, Leads.AsOf).GenerateMany(2000).Select(g => g.Lead).ToList();

        var segments = Routing.Route(LeadBatch.From(leads));

        Assert.Equal(leads.Count, segments.Length);
        for (var i = 0; i < leads.Count; i++)
        {
            Assert.Equal(Routing.Route(leads[i]), segments[i]);
        }

        Assert.All(Enumerable.Range(0, 3), s => Assert.Contains((byte)s, segments));
    }

    [Fact]
    public void Without_rules_one_segment_takes_everyone()
    {
        var everyone = SegmentRouting.Everyone("starter");

        Assert.Equal(0, everyone.Route(Leads.With(("company_size", 5000))));
        Assert.Equal(["Everyone"], everyone.Segments.Select(s => s.Name));
    }
}
