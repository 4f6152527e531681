using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Features.Leads;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterGlLib;
using Line = Plotly.Blazor.Traces.ScatterGlLib.MarkerLib.Line;

namespace LeadScoringStudio.Features.Workbench.Preview;

/// <summary>
/// The fit/engagement quadrant as Plotly data, with the grade thresholds as lines and the cell names in each region.
/// Up to <see cref="MostPoints"/> leads it draws each one: one WebGL point trace per known outcome, points nudged by up
/// to ±0.4 so that leads with equal scores do not hide each other (the hover text shows the true scores). Beyond that
/// it draws how many leads sit where, as a heat map of at most <see cref="MostBins"/> × <see cref="MostBins"/> cells
/// (a million points would cost the browser tens of megabytes), with the workshop examples drawn over it. The selected
/// lead is drawn on top either way. Every drawn lead can be clicked, and so can a cell of the heat map (its first
/// lead).
/// </summary>
public sealed class QuadrantFigure
{
    /// <summary>The most leads drawn one by one.</summary>
    public const int MostPoints = 5_000;

    /// <summary>The most heat-map cells along each axis.</summary>
    public const int MostBins = 100;

    private static readonly (LeadOutcome Outcome, string Name, string Colour)[] Outcomes =
    [
        (LeadOutcome.Converted, "Converted", "#2e7d32"),
        (LeadOutcome.NotConverted, "Did not convert", "#e57373"),
        (LeadOutcome.Unknown, "Outcome not known yet", "#7986cb"),
    ];

    private readonly QuadrantDensity? _density;

    private QuadrantFigure(IList<ITrace> data, Layout layout, IReadOnlyList<IReadOnlyList<int>> positions,
        QuadrantDensity? density)
    {
        Data = data;
        Layout = layout;
        Positions = positions;
        _density = density;
    }

    public IList<ITrace> Data { get; }

    public Layout Layout { get; }

    /// <summary>For each trace, the lead position of each of its points (Plotly reports clicks as trace and point
    /// number); empty for the heat map.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Positions { get; }

    /// <summary>Whether the leads are drawn as a heat map.</summary>
    public bool ShowsDensity => _density is not null;

    /// <summary>The lead behind a click: the point's lead, or for a heat-map cell (at <paramref name="x"/>,
    /// <paramref name="y"/>) the first lead in it.</summary>
    public int? LeadAt(int trace, int point, double? x = null, double? y = null)
    {
        if (_density is { } density && trace == density.Trace)
        {
            return x is { } fit && y is { } engagement ? density.FirstLeadAt(fit, engagement) : null;
        }

        return trace >= 0 && trace < Positions.Count && point >= 0 && point < Positions[trace].Count
            ? Positions[trace][point]
            : null;
    }

    public static QuadrantFigure Build(ScoringModel model, BatchScores scores, LeadSet leads, int? selected = null,
        int mostPoints = MostPoints)
    {
        var data = new List<ITrace>();
        var positions = new List<IReadOnlyList<int>>();
        var plotted = Enumerable.Range(0, scores.Count).Where(i => !scores.IsDisqualified[i]).ToList();
        QuadrantDensity? density = null;
        if (plotted.Count <= mostPoints)
        {
            foreach (var (outcome, name, colour) in Outcomes)
            {
                var members = plotted.Where(i => leads.OutcomeAt(i).Outcome == outcome).ToList();
                positions.Add(members);
                data.Add(Points($"{name} ({members.Count})", members, scores, leads, new(colour, 5, 0.65m, 0),
                    webGl: true));
            }
        }
        else
        {
            density = new QuadrantDensity(scores, plotted, data.Count);
            positions.Add([]);
            data.Add(density.ToTrace(plotted.Count));
            var examples = leads.Examples.Where(i => !scores.IsDisqualified[i]).ToList();
            positions.Add(examples);
            data.Add(Points($"Workshop examples ({examples.Count})", examples, scores, leads, new("#ff8f00", 8, 1, 1),
                webGl: false));
        }

        if (selected is { } lead && lead < scores.Count && !scores.IsDisqualified[lead])
        {
            positions.Add([lead]);
            data.Add(Points("Selected lead", [lead], scores, leads, new("#d81b60", 12, 1, 2), webGl: density is null));
        }

        return new QuadrantFigure(data, BuildLayout(model, scores), positions, density);
    }

    /// <summary>Leads as points: through WebGL for thousands of them; as plain SVG for the few drawn over the heat map,
    /// which then needs no WebGL at all.</summary>
    private static ITrace Points(string name, List<int> members, BatchScores scores, LeadSet leads, PointStyle style,
        bool webGl)
    {
        var x = members.Select(i => (object)(scores.Fit[i] + Nudge(i, 0))).ToList();
        var y = members.Select(i => (object)(scores.Engagement[i] + Nudge(i, 1))).ToList();
        var text = members.Select(i => $"{AsText(leads.Batch.ValueAt(i, Lead.NameField).ToString())} · " +
            $"{AsText(leads.Batch.ValueAt(i, Lead.CompanyField).ToString())}<br>{scores.CellOf(i)} · " +
            $"fit {scores.Fit[i]} · engagement {scores.Engagement[i]}").ToList();
        return webGl
            ? new ScatterGl
            {
                Name = name, Mode = ModeFlag.Markers, X = x, Y = y, TextArray = text, HoverInfo = HoverInfoFlag.Text,
                Marker = new Marker
                {
                    Color = style.Colour, Size = style.Size, Opacity = style.Opacity,
                    Line = style.Outline == 0 ? null : new Line { Color = "#ffffff", Width = style.Outline },
                },
            }
            : new Scatter
            {
                Name = name, Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers, X = x, Y = y, TextArray = text,
                HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Text,
                Marker = new Plotly.Blazor.Traces.ScatterLib.Marker
                {
                    Color = style.Colour, Size = style.Size, Opacity = style.Opacity,
                    Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line
                    {
                        Color = "#ffffff", Width = style.Outline,
                    },
                },
            };
    }

    private static Layout BuildLayout(ScoringModel model, BatchScores scores)
    {
        var fitRange = Range(scores.Fit, model.FitBands);
        var engagementRange = Range(scores.Engagement, model.EngagementBands);
        var shapes = new List<Shape>();
        foreach (var threshold in Thresholds(model.FitBands))
        {
            shapes.Add(new Shape { Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, XRef = "x", YRef = "paper",
                X0 = threshold, X1 = threshold, Y0 = 0, Y1 = 1,
                Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = "#9e9e9e", Dash = "dash", Width = 1 } });
        }

        foreach (var threshold in Thresholds(model.EngagementBands))
        {
            shapes.Add(new Shape { Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, XRef = "paper", YRef = "y",
                X0 = 0, X1 = 1, Y0 = threshold, Y1 = threshold,
                Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = "#9e9e9e", Dash = "dash", Width = 1 } });
        }

        var fitMiddles = Middles(model.FitBands, fitRange);
        var engagementMiddles = Middles(model.EngagementBands, engagementRange);
        var annotations = Cell.All.Select(cell => new Annotation
        {
            X = fitMiddles[cell.FitIndex],
            Y = engagementMiddles[cell.EngagementIndex],
            XRef = "x",
            YRef = "y",
            Text = model.MqlCells.Contains(cell) ? $"<b>{cell}</b>" : cell.ToString(),
            ShowArrow = false,
            Opacity = 0.55m,
            Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 16,
                Color = model.MqlCells.Contains(cell) ? "#c62828" : "#424242" },
        }).ToList();

        return new Layout
        {
            Height = 380,
            Margin = new Margin { L = 50, R = 10, T = 10, B = 45 },
            XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "Fit (who they are) →" },
                Range = [fitRange.Min, fitRange.Max], ZeroLine = false }],
            YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "Engagement (what they do) →" }, Range = [engagementRange.Min, engagementRange.Max], ZeroLine = false }],
            Shapes = shapes,
            Annotations = annotations,
            Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = 1.08m }],
            HoverMode = HoverModeEnum.Closest,
        };
    }

    private static double Nudge(int position, int axis) =>
        ((((position * 7919) + (axis * 104729)) % 1000) / 1000.0 - 0.5) * 0.8;

    private static int[] Thresholds(GradeBands bands) => [bands.First, bands.Second, bands.Third];

    private static (double Min, double Max) Range(int[] values, GradeBands bands)
    {
        var low = Math.Min(values.DefaultIfEmpty(0).Min(), bands.Third - 10);
        var high = Math.Max(values.DefaultIfEmpty(0).Max(), bands.First + 10);
        return (low - 2, high + 2);
    }

    /// <summary>The middle of each grade's stretch of the axis, best grade first.</summary>
    private static double[] Middles(GradeBands bands, (double Min, double Max) range) =>
    [
        (bands.First + range.Max) / 2,
        (bands.Second + bands.First) / 2.0,
        (bands.Third + bands.Second) / 2.0,
        (range.Min + bands.Third) / 2,
    ];

    /// <summary>Plotly reads hover text as HTML: a lead's name is escaped so it shows as typed, never as markup or a
    /// link.</summary>
    private static string AsText(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");

    private sealed record PointStyle(string Colour, int Size, decimal Opacity, int Outline);
}
