using LeadScoringStudio.Core.Workshops;

namespace LeadScoringStudio.Tests.Core.Workshops;

public sealed class WorkshopLeadsTests
{
    [Fact]
    public void A_sample_draws_distinct_candidates_in_their_order()
    {
        var candidates = Enumerable.Range(100, 500).ToList();

        var sample = WorkshopLeads.Sample(candidates, 20, new Random(3));

        Assert.Equal(20, sample.Distinct().Count());
        Assert.All(sample, position => Assert.Contains(position, candidates));
        Assert.Equal(sample.Order(), sample);
        Assert.NotEqual(candidates.Take(20), sample);
    }

    [Fact]
    public void Few_candidates_are_all_taken_and_no_workshop_gets_more_than_fifty()
    {
        Assert.Equal([7, 3, 9], WorkshopLeads.Sample([7, 3, 9], 20, new Random(1)));
        var many = Enumerable.Range(0, 1000).ToList();
        Assert.Equal(WorkshopLeads.Most, WorkshopLeads.Sample(many, 400, new Random(1)).Count);
    }
}
