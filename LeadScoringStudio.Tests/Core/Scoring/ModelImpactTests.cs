using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Tests.TestSupport;

namespace LeadScoringStudio.Tests.Core.Scoring;

public class ModelImpactTests
{
    private static readonly ScoringModel Published = ThreeLeads.Model;

    [Fact]
    public void Leads_that_cross_into_or_out_of_mql_are_named_and_cells_counted()
    {
        var draft = Published.WithCriterionPoints("vp", 30).WithCriterionPoints("director", 60);

        var impact = ModelImpact.Compare(Score(Published), Score(draft));

        Assert.Equal([1], impact.EnteringMql);
        Assert.Equal([0], impact.LeavingMql);
        Assert.Equal((1, 1), (impact.PublishedMql, impact.DraftMql));
        Assert.Equal(1, impact.PublishedCounts[Cell.Parse("A1").Index]);
        Assert.Equal(1, impact.PublishedCounts[Cell.Parse("A3").Index]);
        Assert.Equal(0, impact.Change(Cell.Parse("A1")));
        Assert.Equal((1, 1), (impact.PublishedDisqualified, impact.DraftDisqualified));
        Assert.Equal(2, impact.DraftCounts.Sum());
    }

    [Fact]
    public void Scorings_of_different_lead_sets_cannot_be_compared()
    {
        var other = new BatchScorer(Published, LeadBatch.From([ThreeLeads.Lead("x", "VP", 1)])).Score(Leads.AsOf);

        Assert.Throws<ArgumentException>(() => ModelImpact.Compare(Score(Published), other));
    }

    private static BatchScores Score(ScoringModel model) => ThreeLeads.Score(model);
}
