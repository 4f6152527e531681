using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Segments;

namespace LeadScoringStudio.Tests.Core.Segments;

public class SegmentRoutingValidatorTests
{
    private static readonly HashSet<string> Published = ["starter", "enterprise"];

    [Fact]
    public void The_demo_routing_is_valid()
    {
        Assert.Empty(SegmentRoutingValidator.Validate(DemoSegments.Routing("starter", "enterprise"), Published,
            StarterModel.Create()));
    }

    [Fact]
    public void Each_problem_names_the_segment_and_what_is_wrong()
    {
        var routing = new SegmentRouting(
        [
            new Segment("Big", "enterprise", new AttributeCondition("head_count", Operator.AtLeast, ["1000"])),
            new Segment("big", "nowhere", new AttributeCondition("company_size", Operator.Contains, ["1"])),
            new Segment("", "starter", null),
        ], new Segment("Rest", "starter", new AttributeCondition("country", Operator.Equals, ["DE"])));

        var problems = SegmentRoutingValidator.Validate(routing, Published, StarterModel.Create())
            .Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.StartsWith("rules[0].attribute.field: there is no field 'head_count'"));
        Assert.Contains(problems, p => p.StartsWith("rules[1].name: two segments are called 'big'"));
        Assert.Contains(problems, p => p.StartsWith("rules[1].model: segment 'big': model 'nowhere' has no published"));
        Assert.Contains(problems, p => p.StartsWith("rules[1].attribute.operator: 'contains' does not work on"));
        Assert.Contains(problems, p => p.StartsWith("rules[2].name: segment 3 needs a name"));
        Assert.Contains(problems, p => p.StartsWith("rules[2].when: segment 3 needs a condition"));
        Assert.Contains(problems, p => p.StartsWith("otherwise.when: segment 'Rest' is the default"));
    }
}
