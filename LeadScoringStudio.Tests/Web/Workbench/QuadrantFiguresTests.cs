using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Features.Workbench.Preview;

namespace LeadScoringStudio.Tests.Web.Workbench;

public class QuadrantFiguresTests
{
    private static readonly DateTimeOffset AsOf = TestSupport.Leads.AsOf;
    private readonly ScoringModel _model = StarterModel.Create();
    private readonly LeadSet _leads = new(new DemoDataGenerator(5, AsOf).GenerateMany(200)
        .Select(g => new StoredLead(g.Lead, LeadOutcome.Unknown, null)).ToList());

    [Fact]
    public void Circuits_showing_the_same_scores_share_one_figure_and_a_new_outcome_makes_a_new_one()
    {
        var figures = new QuadrantFigures();
        var scores = new BatchScorer(_model, _leads.Batch).Score(AsOf);

        var first = figures.Of(_model, scores, _leads, null);

        Assert.Same(first, figures.Of(_model, scores, _leads, null));
        Assert.NotSame(first, figures.Of(_model, scores, _leads, 0));
        var shown = Enumerable.Range(0, scores.Count).First(i => !scores.IsDisqualified[i]);
        var won = _leads.WithOutcome(_leads.Leads[shown].Lead.Id,
            new KnownOutcome(LeadOutcome.Converted, OutcomeSource.Sales));
        var recoloured = figures.Of(_model, scores, won, null);
        Assert.NotSame(first, recoloured);
        Assert.Equal([shown], recoloured.Positions[0]);
    }
}
