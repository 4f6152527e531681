using LeadScoringStudio.Core.Editing;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>One score limit and the share of leads whose criteria points overrun it (floored or capped
/// there).</summary>
public sealed record LimitShare(string Name, int Limit, double Share);

/// <summary>
/// Fits a model's limits, grade bands and MQL cells to the scores its criteria give: a limit that cuts off the points
/// of
/// more than 5 % of leads moves just beyond the lowest or highest score (one that cuts off fewer is a guard against
/// outliers and stays), unless moving it ranks the leads learned from worse (a floor that also stops the inactivity
/// penalty can be worth more than the points it cuts off); grade bands go to the top 15 %, 40 % and 70 % of leads, and
/// the
/// MQL cells to those whose volume comes closest to what the SDR team can work (cells taken best-converting first).
/// </summary>
public static class ScoreScale
{
    /// <summary>More leads than this clipped at a limit means the limit cuts off points rather than guarding against
    /// outliers.</summary>
    public const double AtLimitWarning = 0.05;

    private static readonly double[] GradeShares = [0.15, 0.40, 0.70];

    /// <param name="learnFrom">Positions of leads with a known outcome to read the cells' conversion from.</param>
    public static ScoringModel FitTo(ScoringModel model, TuningData data, IReadOnlyList<int> learnFrom)
    {
        var open = PointsOf(model, data.Batch, data.AsOf);
        var scored = Enumerable.Range(0, open.Count).Where(i => !open.IsDisqualified[i]).ToList();
        if (scored.Count == 0)
        {
            return model;
        }

        var moved = model with
        {
            Limits = model.Limits with
            {
                Fit = Hold(model.Limits.Fit, scored.Select(i => open.Fit[i]).ToArray()),
                Engagement = Hold(model.Limits.Engagement, scored.Select(i => open.Engagement[i]).ToArray()),
                Total = Hold(model.Limits.Total, scored.Select(i => open.Fit[i] + open.Engagement[i]).ToArray()),
            },
        };
        var limited = moved.Limits == model.Limits
            || RankingOf(moved, data, learnFrom) >= RankingOf(model, data, learnFrom) ? moved : model;
        var scores = new BatchScorer(limited, data.Batch).Score(data.AsOf);
        var fitted = limited with
        {
            FitBands = Bands(scored.Select(i => scores.Fit[i]).ToArray()),
            EngagementBands = Bands(scored.Select(i => scores.Engagement[i]).ToArray()),
        };
        var cells = Plan(fitted, data, learnFrom).Proposed.MqlCells;
        return cells.Count == 0 ? fitted : fitted.WithMqlCells(cells);
    }

    /// <summary>The share of (not disqualified) leads whose criteria points overrun each of the model's
    /// limits.</summary>
    public static IReadOnlyList<LimitShare> AtLimits(ScoringModel model, LeadBatch batch, DateTimeOffset asOf)
    {
        var open = PointsOf(model, batch, asOf);
        var scored = Enumerable.Range(0, open.Count).Where(i => !open.IsDisqualified[i]).ToList();
        var shares = new List<LimitShare>();
        void Check(string name, int? limit, int[] points, bool below)
        {
            if (limit is { } at && scored.Count > 0)
            {
                shares.Add(new LimitShare(name, at, scored.Count(i =>
                    below ? points[i] < at : points[i] > at) / (double)scored.Count));
            }
        }

        var total = open.Fit.Zip(open.Engagement, (f, e) => f + e).ToArray();
        Check("fit floor", model.Limits.Fit.Min, open.Fit, below: true);
        Check("fit ceiling", model.Limits.Fit.Max, open.Fit, below: false);
        Check("engagement floor", model.Limits.Engagement.Min, open.Engagement, below: true);
        Check("engagement ceiling", model.Limits.Engagement.Max, open.Engagement, below: false);
        Check("total floor", model.Limits.Total.Min, total, below: true);
        Check("total ceiling", model.Limits.Total.Max, total, below: false);
        return shares;
    }

    /// <summary>ROC AUC of the model's total score on the given labelled leads.</summary>
    private static double RankingOf(ScoringModel model, TuningData data, IReadOnlyList<int> positions)
    {
        var scores = new BatchScorer(model, data.Batch).Score(data.AsOf);
        return Metrics.Auc(positions.Select(i => (double)scores.Total[i]).ToList(),
            positions.Select(i => data.Outcomes[i] == true).ToList());
    }

    /// <summary>Fit and engagement as the criteria (and completeness) add them up, before limits and the inactivity
    /// penalty.</summary>
    private static BatchScores PointsOf(ScoringModel model, LeadBatch batch, DateTimeOffset asOf) =>
        new BatchScorer(model with { Limits = ScoreLimits.None, Inactivity = null }, batch).Score(asOf);

    /// <summary>What each choice of MQL cells brings a month under <paramref name="model"/>, and the choice closest to
    /// capacity.</summary>
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

    /// <summary>Each bound of the limit that cuts off more than 5 % of the scores moves a step of ten beyond the lowest
    /// or highest score.</summary>
    private static ScoreLimit Hold(ScoreLimit limit, int[] scores)
    {
        bool Clips(int? bound, bool below) => bound is { } at
            && scores.Count(s => below ? s < at : s > at) > AtLimitWarning * scores.Length;
        return new ScoreLimit(
            Clips(limit.Min, below: true) ? (int)Math.Floor((scores.Min() - 1) / 10.0) * 10 : limit.Min,
            Clips(limit.Max, below: false) ? (int)Math.Ceiling((scores.Max() + 1) / 10.0) * 10 : limit.Max);
    }

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
