using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>The outcome of adding up one lead's criterion points under a model's caps, limits and grades.</summary>
internal struct Totals
{
    public int Fit;
    public int Engagement;
    public int Total;
    public int FitLimitAdjustment;
    public int EngagementLimitAdjustment;
    public int TotalLimitAdjustment;
    public Cell Cell;
    public bool IsMql;
}

/// <summary>
/// Adds up criterion points into category, dimension and total scores, applying category caps, the
/// dimension and total limits, the grade bands and the MQL rule. A category cap takes its excess from
/// the category's engagement points first, then from its fit points. Allocation-free, so batch and
/// what-if scoring can call it for every lead.
/// </summary>
internal sealed class ScoreAggregator
{
    private readonly ScoringModel _model;
    private readonly int[] _fitCriteria;
    private readonly int[] _engagementCriteria;
    private readonly (int Criterion, int Category, bool IsFit)[] _categorized;
    private readonly int?[] _categoryCaps;
    private readonly bool[] _isMqlCell = new bool[16];

    public ScoreAggregator(ScoringModel model)
    {
        _model = model;
        var categoryIndex = model.Categories.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var criteria = model.Criteria.Select((criterion, index) => (criterion, index)).ToArray();
        _fitCriteria = [.. criteria.Where(c => c.criterion.Dimension == Dimension.Fit).Select(c => c.index)];
        _engagementCriteria = [.. criteria.Where(c => c.criterion.Dimension != Dimension.Fit).Select(c => c.index)];
        _categorized = [.. criteria
            .Where(c => c.criterion.Category is { } id && categoryIndex.ContainsKey(id))
            .Select(c => (c.index, categoryIndex[c.criterion.Category!], c.criterion.Dimension == Dimension.Fit))];
        _categoryCaps = [.. model.Categories.Select(c => c.Cap)];
        foreach (var cell in model.MqlCells)
        {
            _isMqlCell[cell.Index] = true;
        }
    }

    public int CategoryCount => _model.Categories.Count;

    /// <param name="finals">Each criterion's final points, in the model's order.</param>
    /// <param name="categoryScores">Receives each category's score.</param>
    /// <param name="categoryCuts">Receives, per category, the points its cap took from fit (index 2c) and engagement (2c + 1).</param>
    public Totals Aggregate(
        ReadOnlySpan<int> finals,
        int inactivity,
        int completeness,
        bool disqualified,
        Span<int> categoryScores,
        Span<int> categoryCuts)
    {
        var fit = completeness;
        foreach (var k in _fitCriteria)
        {
            fit += finals[k];
        }

        var engagement = inactivity;
        foreach (var k in _engagementCriteria)
        {
            engagement += finals[k];
        }

        categoryScores.Clear();
        Span<int> categoryEngagement = stackalloc int[categoryScores.Length];
        foreach (var (k, category, isFit) in _categorized)
        {
            categoryScores[category] += finals[k];
            if (!isFit)
            {
                categoryEngagement[category] += finals[k];
            }
        }

        for (var c = 0; c < categoryScores.Length; c++)
        {
            var excess = _categoryCaps[c] is { } cap ? Math.Max(0, categoryScores[c] - cap) : 0;
            var fromEngagement = Math.Min(excess, Math.Max(0, categoryEngagement[c]));
            categoryCuts[2 * c] = excess - fromEngagement;
            categoryCuts[(2 * c) + 1] = fromEngagement;
            categoryScores[c] -= excess;
            fit -= excess - fromEngagement;
            engagement -= fromEngagement;
        }

        var totals = new Totals();
        totals.Fit = _model.Limits.Fit.Apply(fit);
        totals.FitLimitAdjustment = totals.Fit - fit;
        totals.Engagement = _model.Limits.Engagement.Apply(engagement);
        totals.EngagementLimitAdjustment = totals.Engagement - engagement;
        var total = totals.Fit + totals.Engagement;
        totals.Total = _model.Limits.Total.Apply(total);
        totals.TotalLimitAdjustment = totals.Total - total;
        totals.Cell = new Cell(
            _model.EngagementBands.GradeIndex(totals.Engagement),
            _model.FitBands.GradeIndex(totals.Fit));
        totals.IsMql = !disqualified && _isMqlCell[totals.Cell.Index];
        return totals;
    }
}
