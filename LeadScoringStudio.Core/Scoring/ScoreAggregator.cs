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
    private readonly bool[] _isFit;
    private readonly int[] _categoryOf;
    private readonly int[] _everyCriterion;
    private readonly int?[] _categoryCaps;
    private readonly bool[] _isMqlCell = new bool[16];

    public ScoreAggregator(ScoringModel model)
    {
        _model = model;
        var categoryIndex = model.Categories.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i);
        _isFit = model.Criteria.Select(c => c.Dimension == Dimension.Fit).ToArray();
        _categoryOf = model.Criteria
            .Select(c => c.Category is { } id && categoryIndex.TryGetValue(id, out var index) ? index : -1)
            .ToArray();
        _everyCriterion = [.. Enumerable.Range(0, model.Criteria.Count)];
        _categoryCaps = [.. model.Categories.Select(c => c.Cap)];
        foreach (var cell in model.MqlCells)
        {
            _isMqlCell[cell.Index] = true;
        }
    }

    public int CategoryCount => _model.Categories.Count;

    /// <summary>Whether criterion <paramref name="k"/>'s points count towards one of the model's categories.</summary>
    public bool HasCategory(int k) => _categoryOf[k] >= 0;

    /// <param name="finals">Each criterion's final points, in the model's order.</param>
    /// <param name="categoryScores">Receives each category's score.</param>
    /// <param name="categoryCuts">Receives, per category, the points its cap took from fit (index 2c) and engagement (2c + 1).</param>
    public Totals Aggregate(
        ReadOnlySpan<int> finals,
        int inactivity,
        int completeness,
        bool disqualified,
        Span<int> categoryScores,
        Span<int> categoryCuts) =>
        Aggregate(finals, _everyCriterion, inactivity, completeness, disqualified, categoryScores, categoryCuts);

    /// <summary>The same, adding up only the <paramref name="scored"/> criteria (each once): every other criterion's
    /// final points are 0, or counted in <paramref name="engagementBesides"/> (inactivity, with any criteria of no
    /// category added up beforehand) and <paramref name="fitBesides"/> (completeness, with the same).</summary>
    public Totals Aggregate(
        ReadOnlySpan<int> finals,
        ReadOnlySpan<int> scored,
        int engagementBesides,
        int fitBesides,
        bool disqualified,
        Span<int> categoryScores,
        Span<int> categoryCuts)
    {
        var fit = fitBesides;
        var engagement = engagementBesides;
        categoryScores.Clear();
        Span<int> categoryEngagement = stackalloc int[categoryScores.Length];
        foreach (var i in scored)
        {
            var points = finals[i];
            if (_isFit[i])
            {
                fit += points;
            }
            else
            {
                engagement += points;
            }

            var category = _categoryOf[i];
            if (category >= 0)
            {
                categoryScores[category] += points;
                if (!_isFit[i])
                {
                    categoryEngagement[category] += points;
                }
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
