using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// How the points of one occurrence of an activity criterion fade with age: decay applied, and zero once
/// the activity falls out of the lookback window. One value per day, day 0 (today) to <c>days</c>.
/// </summary>
public static class DecayCurve
{
    public static IReadOnlyList<double> PointsByAge(ActivityCriterion criterion, int days = 90) =>
        Enumerable.Range(0, days + 1)
            .Select(age => CriterionPoints.IsInWindow(criterion, age) ? criterion.PointsPerOccurrence * criterion.Decay.Factor(age) : 0.0)
            .ToList();
}
