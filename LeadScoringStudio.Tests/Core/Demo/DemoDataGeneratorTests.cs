using LeadScoringStudio.Core.Demo;

namespace LeadScoringStudio.Tests.Core.Demo;

public class DemoDataGeneratorTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Same_seed_gives_the_same_leads()
    {
        var first = new DemoDataGenerator(3, AsOf).GenerateMany(50).ToList();
        var second = new DemoDataGenerator(3, AsOf).GenerateMany(50).ToList();
        var other = new DemoDataGenerator(4, AsOf).GenerateMany(50).ToList();

        Assert.Equal(first.Select(g => (g.Lead.Email, g.Lead.Activities.Count, g.Converted)), second.Select(g => (g.Lead.Email, g.Lead.Activities.Count, g.Converted)));
        Assert.NotEqual(first.Select(g => g.Lead.Email), other.Select(g => g.Lead.Email));
    }

    [Fact]
    public void Leads_have_a_year_of_activity_blanks_and_a_realistic_conversion_rate()
    {
        var leads = new DemoDataGenerator(5, AsOf).GenerateMany(3000).ToList();
        var activities = leads.SelectMany(g => g.Lead.Activities).ToList();

        Assert.All(activities, a => Assert.InRange(a.At, AsOf.AddDays(-366), AsOf));
        Assert.InRange(activities.Count / (double)leads.Count, 12, 30);
        Assert.InRange(leads.Count(g => g.Lead.Attribute("industry").IsMissing) / 3000.0, 0.05, 0.2);
        Assert.InRange(leads.Count(g => g.Converted) / 3000.0, 0.03, 0.25);
    }

    [Fact]
    public void Outcomes_follow_the_hidden_propensity()
    {
        var leads = new DemoDataGenerator(6, AsOf).GenerateMany(4000).OrderBy(g => g.Propensity).ToList();
        var low = leads.Take(1000).Count(g => g.Converted);
        var high = leads.TakeLast(1000).Count(g => g.Converted);

        Assert.True(high > 4 * low, $"top quarter converted {high}, bottom quarter {low}");
    }
}
