using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Features.Workbench.Preview;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace LeadScoringStudio.Tests.Web.Workbench;

public class QuadrantFigureTests
{
    private static readonly DateTimeOffset AsOf = TestSupport.Leads.AsOf;
    private readonly ScoringModel _model = StarterModel.Create();
    private readonly LeadSet _leads = new(new DemoDataGenerator(5, AsOf).GenerateMany(300)
        .Select((g, i) => new StoredLead(g.Lead, (LeadOutcome)(i % 3), null)).ToList());

    [Fact]
    public void One_trace_per_outcome_holding_every_lead_that_is_not_disqualified_once()
    {
        var scores = new BatchScorer(_model, _leads.Batch).Score(AsOf);

        var figure = QuadrantFigure.Build(_model, scores, _leads);

        Assert.Equal(3, figure.Data.Count);
        var plotted = figure.Positions.SelectMany(p => p).ToList();
        Assert.Equal(Enumerable.Range(0, _leads.Count).Where(i => !scores.IsDisqualified[i]).Order(), plotted.Order());
        for (var trace = 0; trace < 3; trace++)
        {
            var points = (ScatterGl)figure.Data[trace];
            Assert.Equal(figure.Positions[trace].Count, points.X.Count);
            foreach (var (position, point) in figure.Positions[trace].Select((p, i) => (p, i)))
            {
                Assert.InRange((double)points.X[point], scores.Fit[position] - 0.4, scores.Fit[position] + 0.4);
                Assert.InRange((double)points.Y[point], scores.Engagement[position] - 0.4,
                    scores.Engagement[position] + 0.4);
            }
        }
    }

    [Fact]
    public void Names_with_markup_show_as_text_in_the_tooltip()
    {
        var lead = new Lead("x", new Dictionary<string, FieldValue>
        {
            ["name"] = FieldValue.OfText("<span style=\"font-size:60px\">Big</span>"),
            ["company"] = FieldValue.OfText("<a href=\"https://evil.example\">Acme</a>"),
        }, []);
        var leads = new LeadSet([new StoredLead(lead, LeadOutcome.Unknown, null)]);
        var scores = new BatchScorer(_model, leads.Batch).Score(AsOf);

        var text = QuadrantFigure.Build(_model, scores, leads).Data.Cast<ScatterGl>().SelectMany(t => t.TextArray)
            .Single().ToString()!;

        Assert.StartsWith("&lt;span style=&quot;font-size:60px&quot;&gt;Big&lt;/span&gt; · " +
            "&lt;a href=&quot;https://evil.example&quot;&gt;Acme&lt;/a&gt;<br>", text);
    }

    [Fact]
    public void A_click_on_trace_and_point_finds_the_lead_and_nothing_outside()
    {
        var figure = QuadrantFigure.Build(_model, new BatchScorer(_model, _leads.Batch).Score(AsOf), _leads);

        Assert.Equal(figure.Positions[1][4], figure.LeadAt(1, 4));
        Assert.Null(figure.LeadAt(3, 0));
        Assert.Null(figure.LeadAt(0, figure.Positions[0].Count));
    }

    [Fact]
    public void Grade_thresholds_are_drawn_as_lines_and_every_cell_is_labelled()
    {
        var model = _model with { FitBands = new GradeBands(70, 45, 25), EngagementBands = new GradeBands(80, 40, 10) };

        var layout = QuadrantFigure.Build(model, new BatchScorer(model, _leads.Batch).Score(AsOf), _leads).Layout;

        Assert.Equal([70, 45, 25], layout.Shapes.Where(s => (string)s.XRef == "x").Select(s => Convert.ToInt32(s.X0)));
        Assert.Equal([80, 40, 10], layout.Shapes.Where(s => (string)s.YRef == "y").Select(s => Convert.ToInt32(s.Y0)));
        Assert.Equal(16, layout.Annotations.Count);
        Assert.Contains(layout.Annotations, a => a.Text == "<b>A1</b>");
    }
}
