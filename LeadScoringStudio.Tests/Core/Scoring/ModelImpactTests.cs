using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Tests.TestSupport;
using static LeadScoringStudio.Tests.TestSupport.Models;

namespace LeadScoringStudio.Tests.Core.Scoring;

public class ModelImpactTests
{
    // Three leads: a VP who visits a lot, a director who visits a lot, and a student (disqualified).
    private static readonly LeadBatch Batch = LeadBatch.From(
    [
        Lead("vp", "VP", 8),
        Lead("director", "Director", 8),
        Lead("student", "Student", 8),
    ]);

    private static readonly ScoringModel Published = Small(
        Attribute("vp", "seniority", Operator.Equals, 60, "VP"),
        Attribute("director", "seniority", Operator.Equals, 30, "Director"),
        Visits("visits", 10)) with
    {
        Disqualifiers = [new Disqualifier("student", "Student", new AttributeCondition("seniority", Operator.Equals, ["Student"]))],
    };

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
        var other = new BatchScorer(Published, LeadBatch.From([Lead("x", "VP", 1)])).Score(Leads.AsOf);

        Assert.Throws<ArgumentException>(() => ModelImpact.Compare(Score(Published), other));
    }

    private static BatchScores Score(ScoringModel model) => new BatchScorer(model, Batch).Score(Leads.AsOf);

    private static Lead Lead(string id, string seniority, int visits)
    {
        var lead = Leads.With(("seniority", seniority)) with { Id = id };
        for (var i = 0; i < visits; i++)
        {
            lead = lead.Did("page_visit", i);
        }

        return lead;
    }
}
