using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>One score limit and the share of leads sitting on it.</summary>
public sealed record LimitShare(string Name, int Limit, double Share);

/// <summary>
/// Fits a model's limits, grade bands and MQL cells to the scores its criteria give: limits just beyond the lowest and
/// highest score (so no lead is clipped), grade bands at the top 15 %, 40 % and 70 % of leads, and the MQL cells whose
/// volume comes closest to what the SDR team can work (cells taken best-converting first).
/// </summary>
public static class ScoreScale
{
    /// <summary>More leads than this on a limit means the limit clips scores rather than guarding against outliers.</summary>
    public const double AtLimitWarning = 0.05;

    private static readonly double[] GradeShares = [0.15, 0.40, 0.70];

    /// <param name="learnFrom">Positions of leads with a known outcome to read the cells' conversion from.</param>
    public static ScoringModel FitTo(ScoringModel model, TuningData data, IReadOnlyList<int> learnFrom)
    {
        var open = new BatchScorer(model with { Limits = ScoreLimits.None }, data.Batch).Score(data.AsOf);
        var scored = Enumerable.Range(0, open.Count).Where(i => !open.IsDisqualified[i]).ToList();
        if (scored.Count == 0)
        {
            return model;
        }

        var fit = scored.Select(i => open.Fit[i]).ToArray();
        var engagement = scored.Select(i => open.Engagement[i]).ToArray();
        var fitted = model with
        {
            Limits = new ScoreLimits(Hold(fit), Hold(engagement), ScoreLimit.None),
            FitBands = Bands(fit),
            EngagementBands = Bands(engagement),
        };
        var cells = Plan(fitted, data, learnFrom).Proposed.MqlCells;
        return cells.Count == 0 ? fitted : fitted with { MqlCells = cells.ToValueList() };
    }

    /// <summary>What each choice of MQL cells brings a month under <paramref name="model"/>, and the choice closest to capacity.</summary>
    public static CapacityPlan Plan(ScoringModel model, TuningData data, IReadOnlyList<int> learnFrom)
    {
        var scores = new BatchScorer(model, data.Batch).Score(data.AsOf);
        var months = data.Months;
        var members = new List<int>[16];
        for (var c = 0; c < 16; c++)
        {
            members[c] = [];
        }

        for (var i = 0; i < scores.Count; i++)
        {
            if (!scores.IsDisqualified[i])
            {
                members[scores.CellIndex[i]].Add(i);
            }
        }

        var labelled = learnFrom.Where(i => !scores.IsDisqualified[i]).ToList();
        var overall = labelled.Count == 0 ? 0 : labelled.Count(i => data.Outcomes[i] == true) / (double)labelled.Count;
        var known = new (int Leads, int Positive)[16];
        foreach (var i in labelled)
        {
            known[scores.CellIndex[i]].Leads++;
            known[scores.CellIndex[i]].Positive += data.Outcomes[i] == true ? 1 : 0;
        }

        var outlook = Cell.All.Where(cell => model.ActionFor(cell).Route != Route.Disqualify)
            .Select(cell => new CellOutlook(cell, members[cell.Index].Count / months,
                known[cell.Index].Leads < 10 ? overall : known[cell.Index].Positive / (double)known[cell.Index].Leads))
            .ToList();
        return CapacityPlan.For(outlook, model.MqlCells.ToList(), data.MqlCapacityPerMonth);
    }

    /// <summary>The share of (not disqualified) leads whose fit, engagement or total score sits on one of the model's limits.</summary>
    public static IReadOnlyList<LimitShare> AtLimits(ScoringModel model, BatchScores scores)
    {
        var scored = Enumerable.Range(0, scores.Count).Where(i => !scores.IsDisqualified[i]).ToList();
        var shares = new List<LimitShare>();
        void Check(string name, int? limit, int[] values)
        {
            if (limit is { } at && scored.Count > 0)
            {
                shares.Add(new LimitShare(name, at, scored.Count(i => values[i] == at) / (double)scored.Count));
            }
        }

        Check("fit floor", model.Limits.Fit.Min, scores.Fit);
        Check("fit ceiling", model.Limits.Fit.Max, scores.Fit);
        Check("engagement floor", model.Limits.Engagement.Min, scores.Engagement);
        Check("engagement ceiling", model.Limits.Engagement.Max, scores.Engagement);
        Check("total floor", model.Limits.Total.Min, scores.Total);
        Check("total ceiling", model.Limits.Total.Max, scores.Total);
        return shares;
    }

    /// <summary>A limit one step of ten beyond the lowest and the highest score, so no score seen sits on it.</summary>
    private static ScoreLimit Hold(int[] scores) =>
        new((int)Math.Floor((scores.Min() - 1) / 10.0) * 10, (int)Math.Ceiling((scores.Max() + 1) / 10.0) * 10);

    /// <summary>
    /// Thresholds that put about 15 %, 40 % and 70 % of leads at or above them (where many leads share a score, the
    /// threshold whose share comes closest), each below the one before.
    /// </summary>
    private static GradeBands Bands(int[] scores)
    {
        var atOrAbove = new List<(int Score, double Share)>();
        var running = 0;
        foreach (var group in scores.GroupBy(s => s).OrderByDescending(g => g.Key))
        {
            running += group.Count();
            atOrAbove.Add((group.Key, running / (double)scores.Length));
        }

        var thresholds = GradeShares.Select(share => atOrAbove.MinBy(t => Math.Abs(t.Share - share)).Score).ToArray();
        var first = thresholds[0];
        var second = Math.Min(thresholds[1], first - 1);
        var third = Math.Min(thresholds[2], second - 1);
        return new GradeBands(first, second, third);
    }
}
