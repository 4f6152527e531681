using LeadScoringStudio.Core.Scoring;
using Plotly.Blazor.Traces;

namespace LeadScoringStudio.Features.Workbench.Preview;

/// <summary>
/// How many leads sit at each fit and engagement, in cells of whole scores (wider when the scores spread over more
/// than <see cref="QuadrantFigure.MostBins"/> values), as a Plotly heat map. The colour follows the logarithm of the
/// count, so a cell of ten leads still shows beside one of ten thousand; the hover text gives the scores and the count.
/// Each cell remembers its first lead, for clicks.
/// </summary>
internal sealed class QuadrantDensity
{
    private readonly Bins _fit;
    private readonly Bins _engagement;
    private readonly int[,] _counts;
    private readonly int[,] _first;

    public QuadrantDensity(BatchScores scores, IReadOnlyList<int> plotted, int trace)
    {
        Trace = trace;
        _fit = Bins.Over(plotted.Select(i => scores.Fit[i]));
        _engagement = Bins.Over(plotted.Select(i => scores.Engagement[i]));
        _counts = new int[_engagement.Count, _fit.Count];
        _first = new int[_engagement.Count, _fit.Count];
        foreach (var position in plotted)
        {
            var (column, row) = (_fit.Of(scores.Fit[position]), _engagement.Of(scores.Engagement[position]));
            if (_counts[row, column]++ == 0)
            {
                _first[row, column] = position;
            }
        }
    }

    /// <summary>The heat map's place among the figure's traces.</summary>
    public int Trace { get; }

    /// <summary>The first lead in the cell holding fit <paramref name="fit"/> and engagement
    /// <paramref name="engagement"/>, or null for an empty cell or a place outside.</summary>
    public int? FirstLeadAt(double fit, double engagement)
    {
        var (column, row) = (_fit.Of((int)Math.Round(fit)), _engagement.Of((int)Math.Round(engagement)));
        return column >= 0 && column < _fit.Count && row >= 0 && row < _engagement.Count
            && _counts[row, column] > 0 ? _first[row, column] : null;
    }

    public HeatMap ToTrace(int leads) => new()
    {
        Name = $"Leads ({leads:N0}, by density)",
        X = Enumerable.Range(0, _fit.Count).Select(c => (object)_fit.Centre(c)).ToList(),
        Y = Enumerable.Range(0, _engagement.Count).Select(r => (object)_engagement.Centre(r)).ToList(),
        Z = Enumerable.Range(0, _engagement.Count).Select(r => (object)Enumerable.Range(0, _fit.Count)
            .Select(c => _counts[r, c] == 0 ? null : (object)Math.Log10(_counts[r, c] + 1)).ToList()).ToList(),
        Text = Enumerable.Range(0, _engagement.Count).Select(r => (object)Enumerable.Range(0, _fit.Count)
            .Select(c => $"fit {_fit.Span(c)} · engagement {_engagement.Span(r)}<br>{_counts[r, c]:N0} leads")
            .ToList()).ToList(),
        HoverTemplate = "%{text}<extra></extra>",
        ColorScale = new object[] { new object[] { 0, "#e8eaf6" }, new object[] { 1, "#1a237e" } },
        ShowScale = false,
        ShowLegend = true,
    };

    /// <summary>Cells along one axis: the lowest score, the cell width and how many cells the scores use.</summary>
    private readonly record struct Bins(int Min, int Width, int Count)
    {
        public static Bins Over(IEnumerable<int> values)
        {
            var (min, max) = values.Aggregate((Min: int.MaxValue, Max: int.MinValue),
                (range, value) => (Math.Min(range.Min, value), Math.Max(range.Max, value)));
            var width = Math.Max(1, (max - min + QuadrantFigure.MostBins) / QuadrantFigure.MostBins);
            return new Bins(min, width, ((max - min) / width) + 1);
        }

        public int Of(int value) => value < Min ? -1 : (value - Min) / Width;

        public double Centre(int bin) => Min + (bin * Width) + ((Width - 1) / 2.0);

        public string Span(int bin) =>
            Width == 1 ? $"{Min + bin}" : $"{Min + (bin * Width)}–{Min + (bin * Width) + Width - 1}";
    }
}
