using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// Scores one lead against a model and explains every point. Time comes only from the scoring
/// moment: activities after it do not exist yet. This is the readable reference path; the batch
/// scorer must give the same numbers.
/// </summary>
public sealed class LeadScorer
{
    private readonly ScoringModel _model;
    private readonly ScoreAggregator _aggregator;

    public LeadScorer(ScoringModel model)
    {
        _model = model;
        _aggregator = new ScoreAggregator(model);
    }

    public static LeadScore Score(ScoringModel model, Lead lead, DateTimeOffset asOf) =>
        new LeadScorer(model).Score(lead, asOf);

    public LeadScore Score(Lead lead, DateTimeOffset asOf)
    {
        var activities = lead.Activities
            .Where(a => a.At <= asOf)
            .OrderByDescending(a => a.At)
            .ToList();
        var lines = new List<ExplanationLine>();
        var finals = _model.Criteria.Select(c => ScoreCriterion(c, lead, activities, asOf, lines)).ToArray();

        var lastActivityAt = activities.Count > 0 ? activities[0].At : (DateTimeOffset?)null;
        var inactivity = lastActivityAt is { } last && _model.Inactivity is { } rule
            ? AddInactivityLine(rule, CriterionPoints.AgeDays(last.UtcTicks, asOf.UtcTicks), lines)
            : 0;
        var completeness = _model.Completeness is { } completenessRule
            ? AddCompletenessLine(completenessRule, lead, lines)
            : 0;

        var reasons = _model.Disqualifiers
            .Where(d => IsMatched(d.When, lead, activities))
            .Select(d => d.Reason)
            .ToValueList();

        var categoryScores = new int[_aggregator.CategoryCount];
        var categoryCuts = new int[2 * _aggregator.CategoryCount];
        var totals = _aggregator.Aggregate(finals, inactivity, completeness, reasons.Count > 0, categoryScores,
            categoryCuts);
        AddCapLines(totals, categoryCuts, lines);

        return new LeadScore(
            lead.Id,
            totals.Fit,
            totals.Engagement,
            totals.Total,
            _model.Categories.Select((c, i) => new CategoryScore(c.Id, c.Label, categoryScores[i],
                c.IsHotAt(categoryScores[i]))).ToValueList(),
            totals.Cell,
            reasons.Count > 0 ? CellAction.Disqualified : _model.ActionFor(totals.Cell),
            totals.IsMql,
            reasons,
            lines.ToValueList(),
            lastActivityAt);
    }

    private int ScoreCriterion(Criterion criterion, Lead lead, List<Activity> activities, DateTimeOffset asOf,
        List<ExplanationLine> lines)
    {
        switch (criterion)
        {
            case AttributeCriterion attribute when ConditionMatcher.Matches(attribute, lead):
                lines.Add(Line(LineKind.Criterion, criterion,
                    string.Join("; ", attribute.Conditions.Select(c => DescribeAttribute(c, lead))), attribute.Points,
                    0, 0));
                return attribute.Points;
            case ActivityCriterion activity:
                return ScoreActivities(activity, activities, asOf, lines);
            default:
                return 0;
        }
    }

    private static int ScoreActivities(ActivityCriterion criterion, List<Activity> newestFirst, DateTimeOffset asOf,
        List<ExplanationLine> lines)
    {
        var matches = newestFirst
            .Select(a => (Activity: a, Age: CriterionPoints.AgeDays(a.At.UtcTicks, asOf.UtcTicks)))
            .Where(m => CriterionPoints.IsInWindow(criterion, m.Age)
                && ConditionMatcher.Matches(criterion.When, m.Activity))
            .ToList();
        if (matches.Count == 0)
        {
            return 0;
        }

        var counted = matches.Take(criterion.MaxOccurrences ?? int.MaxValue).ToList();
        var factorSum = 0.0;
        foreach (var match in counted)
        {
            factorSum += criterion.Decay.Factor(match.Age);
        }

        var raw = CriterionPoints.Raw(criterion, counted.Count);
        var decayed = CriterionPoints.Decayed(criterion, factorSum);
        var final = CriterionPoints.Final(criterion, factorSum);
        var evidence = $"{matches.Count} × {criterion.Label}, last {DescribeAge(matches[0].Age)}"
                       + (counted.Count < matches.Count ? $" ({counted.Count} counted)" : "");
        lines.Add(Line(LineKind.Criterion, criterion, evidence, raw, decayed - raw, final - decayed));
        return final;
    }

    private int AddInactivityLine(InactivityRule rule, int days, List<ExplanationLine> lines)
    {
        var (raw, final) = CriterionPoints.Inactivity(rule, days);
        if (raw != 0)
        {
            var evidence = $"No activity for {days} days ({days / rule.PeriodDays} × {rule.PeriodDays} days)";
            lines.Add(new ExplanationLine(LineKind.Inactivity, null, "Inactivity", evidence, Dimension.Engagement,
                null, raw, 0, final - raw, final));
        }

        return final;
    }

    private int AddCompletenessLine(CompletenessRule rule, Lead lead, List<ExplanationLine> lines)
    {
        var present = rule.Fields.Count(f => !lead.Attribute(f).IsMissing);
        var points = CriterionPoints.Completeness(rule, present);
        var evidence = $"{present} of {rule.Fields.Count} fields present";
        lines.Add(new ExplanationLine(LineKind.Completeness, null, "Data completeness", evidence, Dimension.Fit, null,
            points, 0, 0, points));
        return points;
    }

    private void AddCapLines(Totals totals, ReadOnlySpan<int> categoryCuts, List<ExplanationLine> lines)
    {
        for (var c = 0; c < _model.Categories.Count; c++)
        {
            var category = _model.Categories[c];
            AddAdjustment(lines,
                LineKind.CategoryCap, $"{category.Label} cap", $"{category.Label} counts at most {category.Cap}",
                Dimension.Fit, category.Id, -categoryCuts[2 * c]);
            AddAdjustment(lines,
                LineKind.CategoryCap, $"{category.Label} cap", $"{category.Label} counts at most {category.Cap}",
                Dimension.Engagement, category.Id, -categoryCuts[(2 * c) + 1]);
        }

        AddAdjustment(lines, LineKind.DimensionLimit, "Fit limit", Describe(_model.Limits.Fit, "Fit"), Dimension.Fit,
            null, totals.FitLimitAdjustment);
        AddAdjustment(lines, LineKind.DimensionLimit, "Engagement limit",
            Describe(_model.Limits.Engagement, "Engagement"), Dimension.Engagement, null,
            totals.EngagementLimitAdjustment);
        AddAdjustment(lines, LineKind.TotalLimit, "Total limit", Describe(_model.Limits.Total, "Total"), null, null,
            totals.TotalLimitAdjustment);
    }

    private static void AddAdjustment(List<ExplanationLine> lines, LineKind kind, string label, string evidence,
        Dimension? dimension, string? category, int points)
    {
        if (points != 0)
        {
            lines.Add(new ExplanationLine(kind, null, label, evidence, dimension, category, 0, 0, points, points));
        }
    }

    private static ExplanationLine Line(LineKind kind, Criterion criterion, string evidence, int raw, int decay,
        int cap) =>
        new(kind, criterion.Id, criterion.Label, evidence, criterion.Dimension, criterion.Category, raw, decay, cap,
            raw + decay + cap);

    private bool IsMatched(Condition condition, Lead lead, List<Activity> activities) => condition switch
    {
        AttributeCondition attribute => ConditionMatcher.Matches(attribute, lead),
        ActivityCondition activity => activities.Any(a => ConditionMatcher.Matches(activity, a)),
        _ => false,
    };

    private string DescribeAttribute(AttributeCondition condition, Lead lead)
    {
        var label = _model.FindField(condition.Field)?.Label ?? condition.Field;
        var value = lead.Attribute(condition.Field);
        return value.IsMissing ? $"{label} is missing" : $"{label} is {value}";
    }

    private static string DescribeAge(int days) => days switch
    {
        0 => "today",
        1 => "1 day ago",
        _ => $"{days} days ago",
    };

    private static string Describe(ScoreLimit limit, string what) => (limit.Min, limit.Max) switch
    {
        ({ } min, { } max) => $"{what} is kept between {min} and {max}",
        ({ } min, null) => $"{what} is never below {min}",
        (null, { } max) => $"{what} is at most {max}",
        _ => what,
    };
}
