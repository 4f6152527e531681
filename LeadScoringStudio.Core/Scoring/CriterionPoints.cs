using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// The points of one criterion from its evidence: the number of counted matches and the sum of their
/// decay factors. Single-lead, batch and what-if scoring all go through here, so they agree exactly.
/// </summary>
public static class CriterionPoints
{
    /// <summary>Points before decay and cap: the base points times the counted matches.</summary>
    public static int Raw(Criterion criterion, int counted) => criterion.BasePoints * counted;

    /// <summary>Points after decay, before the criterion's cap.</summary>
    public static int Decayed(Criterion criterion, double factorSum) => Decayed(criterion.BasePoints, factorSum);

    /// <summary>Points after decay and the criterion's cap.</summary>
    public static int Final(Criterion criterion, double factorSum) =>
        Final(criterion.BasePoints, MaxPointsOf(criterion), factorSum);

    /// <summary>Points after decay and a cap of <paramref name="maxPoints"/> in size (none when null).</summary>
    public static int Final(int basePoints, int? maxPoints, double factorSum)
    {
        var decayed = Decayed(basePoints, factorSum);
        return maxPoints is { } max && Math.Abs(decayed) > max ? Math.Sign(decayed) * max : decayed;
    }

    /// <summary>The cap of an activity criterion; attribute criteria have none.</summary>
    public static int? MaxPointsOf(Criterion criterion) => criterion is ActivityCriterion a ? a.MaxPoints : null;

    /// <summary>Whole days from an activity to the scoring moment; negative when it lies after it.</summary>
    public static int AgeDays(long activityUtcTicks, long asOfUtcTicks)
    {
        var ticks = asOfUtcTicks - activityUtcTicks;
        return ticks < 0 ? -1 : (int)Math.Min(ticks / TimeSpan.TicksPerDay, int.MaxValue);
    }

    public static bool IsInWindow(ActivityCriterion criterion, int ageDays) =>
        ageDays >= 0 && (criterion.LookbackDays is not { } days || ageDays < days);

    /// <summary>The inactivity points for a lead whose last activity is the given number of days old.</summary>
    public static (int Raw, int Final) Inactivity(InactivityRule rule, int daysSinceLastActivity)
    {
        var periods = rule.PeriodDays > 0 ? daysSinceLastActivity / rule.PeriodDays : 0;
        var raw = periods * rule.Points;
        return (raw, Math.Max(raw, rule.Floor));
    }

    /// <summary>The completeness points for a lead with the given number of listed fields present.</summary>
    public static int Completeness(CompletenessRule rule, int present) =>
        rule.Fields.Count == 0
            ? 0
            : (int)Math.Round((double)rule.Points * present / rule.Fields.Count, MidpointRounding.AwayFromZero);

    private static int Decayed(int basePoints, double factorSum) =>
        (int)Math.Round(basePoints * factorSum, MidpointRounding.AwayFromZero);
}
