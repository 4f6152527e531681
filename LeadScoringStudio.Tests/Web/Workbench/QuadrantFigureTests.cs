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
        .Select((g, i) => new StoredLead(g.Lead, (LeadOutcome)(i % 3), i % 100 == 7 ? "an example" : null)).ToList());

    [Fact]
    public void One_trace_per_outcome_holding_every_lead_that_is_not_disqualified_once()
    {
        var scores = new BatchScorer(_model, _leads.Batch).Score(AsOf);

        var figure = QuadrantFigure.Build(_model, scores, _leads);

        Assert.Equal(3, figure.Data.Count);
        Assert.False(figure.ShowsDensity);
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
    public void Beyond_the_most_points_the_leads_show_as_density_with_counts_that_add_up_and_cells_that_click()
    {
        var scores = new BatchScorer(_model, _leads.Batch).Score(AsOf);
        var plotted = Enumerable.Range(0, _leads.Count).Where(i => !scores.IsDisqualified[i]).ToList();

        var figure = QuadrantFigure.Build(_model, scores, _leads, mostPoints: 100);

        Assert.True(figure.ShowsDensity);
        var heat = Assert.IsType<HeatMap>(figure.Data[0]);
        var counts = ((IEnumerable<object>)heat.Text).SelectMany(row => (IEnumerable<object>)row)
            .Select(text => int.Parse(text.ToString()!.Split("<br>")[1].Split(' ')[0])).ToList();
        Assert.Equal(plotted.Count, counts.Sum());
        var (fitCell, engagementCell) = (CellOf(heat.X), CellOf(heat.Y));
        foreach (var position in plotted)
        {
            var clicked = figure.LeadAt(0, -1, scores.Fit[position], scores.Engagement[position]);
            Assert.NotNull(clicked);
            Assert.Equal((fitCell(scores.Fit[position]), engagementCell(scores.Engagement[position])),
                (fitCell(scores.Fit[clicked.Value]), engagementCell(scores.Engagement[clicked.Value])));
        }

        Assert.Null(figure.LeadAt(0, -1, scores.Fit.Max() + 50, 0));
        var examples = Assert.IsType<Scatter>(figure.Data[1]); // SVG: the density view needs no WebGL
        Assert.Equal(_leads.Examples.Where(i => !scores.IsDisqualified[i]), figure.Positions[1]);
        Assert.Equal(figure.Positions[1].Count, examples.X.Count);
        Assert.Equal(figure.Positions[1][0], figure.LeadAt(1, 0));
    }

    [Fact]
    public void The_selected_lead_is_drawn_last_so_it_sits_on_top_in_either_view()
    {
        var scores = new BatchScorer(_model, _leads.Batch).Score(AsOf);
        var selected = Enumerable.Range(0, _leads.Count).First(i => !scores.IsDisqualified[i]);

        foreach (var mostPoints in new[] { 100, QuadrantFigure.MostPoints })
        {
            var figure = QuadrantFigure.Build(_model, scores, _leads, selected, mostPoints);

            Assert.Equal("Selected lead", figure.ShowsDensity
                ? Assert.IsType<Scatter>(figure.Data[^1]).Name
                : Assert.IsType<ScatterGl>(figure.Data[^1]).Name);
            Assert.Equal([selected], figure.Positions[^1]);
            Assert.Equal(selected, figure.LeadAt(figure.Data.Count - 1, 0));
        }
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

    /// <summary>Which heat-map cell a score falls in, from the cell centres the trace holds.</summary>
    private static Func<int, int> CellOf(IList<object> centres)
    {
        var width = centres.Count > 1 ? (int)((double)centres[1] - (double)centres[0]) : 1;
        var low = (double)centres[0] - ((width - 1) / 2.0);
        return score => (int)Math.Floor((score - low) / width);
    }
}
