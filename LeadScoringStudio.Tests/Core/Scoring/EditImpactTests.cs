using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Tests.TestSupport;

namespace LeadScoringStudio.Tests.Core.Scoring;

public class EditImpactTests
{
    [Fact]
    public void Counts_each_way_a_lead_moves_and_each_lead_once()
    {
        // The director enters MQL; the VP is disqualified, so leaves MQL too (moved once); the student is let back in.
        var after = ThreeLeads.Model.WithCriterionPoints("vp", 30).WithCriterionPoints("director", 60) with
        {
            Disqualifiers = [ThreeLeads.Gate("vp", "VP")],
        };

        var impact = EditImpact.Between(ThreeLeads.Score(ThreeLeads.Model), ThreeLeads.Score(after));

        Assert.Equal((3, 1, 1, 1, 1), (impact.Leads, impact.IntoMql, impact.OutOfMql, impact.Disqualified,
            impact.Requalified));
        Assert.Equal(3, impact.Moved);
        Assert.Equal(1.0, impact.Share);
    }

    [Fact]
    public void An_edit_that_moves_nobody_has_no_share()
    {
        var impact = EditImpact.Between(ThreeLeads.Score(ThreeLeads.Model),
            ThreeLeads.Score(ThreeLeads.Model.WithCriterionPoints("visits", 11)));

        Assert.Equal((0, 0.0), (impact.Moved, impact.Share));
    }
}
