using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Segments;

namespace LeadScoringStudio.Benchmarks;

/// <summary>The data every benchmark scores: demo leads with 20 activities on average, and the starter model grown to 40 criteria.</summary>
internal static class BenchmarkData
{
    public static readonly DateTimeOffset AsOf = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static DemoDataGenerator Generator { get; } = new(2026, AsOf, averageActivities: 20);

    public static IEnumerable<Lead> Leads(int count) => Generator.GenerateMany(count).Select(g => g.Lead);

    public static LeadBatch Batch(int count) => LeadBatch.From(Leads(count));

    /// <summary>The starter model plus topic criteria, 40 in all.</summary>
    public static ScoringModel FortyCriteria()
    {
        var starter = StarterModel.Create();
        var extra = new[] { "general", "analytics", "payments", "security", "pricing" }
            .Select((topic, i) => (Criterion)new ActivityCriterion(
                $"webinar-{topic}", $"Webinar on {topic}", Dimension.Engagement, null,
                new ActivityCondition("webinar", [new PropertyFilter("topic", Operator.Equals, [topic])]),
                2 + i, 3, 10, 180, Decay.HalfLife(60)));
        return starter with { Criteria = starter.Criteria.Concat(extra).ToValueList() };
    }

    /// <summary>Two segments as the demo has them: enterprise accounts by the enterprise variant of the 40-criterion
    /// model (two products), everyone else by the 40-criterion model (three products).</summary>
    public static RoutedModels TwoSegments() => new(DemoSegments.Routing("forty", "forty-enterprise"),
        [DemoSegments.EnterpriseModel(FortyCriteria()), FortyCriteria()]);
}
