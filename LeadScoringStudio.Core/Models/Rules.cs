using System.Runtime.CompilerServices;

namespace LeadScoringStudio.Core.Models;

/// <summary>
/// <see cref="Points"/> (negative) for each full <see cref="PeriodDays"/> since the lead's last
/// activity, never below <see cref="Floor"/>. The common practice: −50 per 30 days.
/// </summary>
public sealed record InactivityRule(int Points, int PeriodDays, int Floor);

/// <summary>Up to <see cref="Points"/> fit points in proportion to how many of the listed fields are present.</summary>
public sealed record CompletenessRule(int Points, ValueList<string> Fields);

/// <summary>An optional floor and ceiling on a score.</summary>
public sealed record ScoreLimit(int? Min, int? Max)
{
    public static ScoreLimit None { get; } = new(null, null);

    /// <remarks>Inlined, as batch scoring limits every lead three times.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Apply(int score) => Math.Min(Math.Max(score, Min ?? int.MinValue), Max ?? int.MaxValue);
}

/// <summary>Limits on the fit score, the engagement score and the total.</summary>
public sealed record ScoreLimits(ScoreLimit Fit, ScoreLimit Engagement, ScoreLimit Total)
{
    public static ScoreLimits None { get; } = new(ScoreLimit.None, ScoreLimit.None, ScoreLimit.None);

    public ScoreLimit For(Dimension dimension) => dimension == Dimension.Fit ? Fit : Engagement;
}

/// <summary>
/// Score thresholds for the three best grades; a score below <see cref="Third"/> gets the fourth.
/// Fit grades are 1 (best) to 4, engagement grades A (most engaged) to D.
/// </summary>
public sealed record GradeBands(int First, int Second, int Third)
{
    /// <summary>0 for the best grade (1 or A) to 3 for the worst (4 or D): the first threshold the score
    /// reaches.</summary>
    /// <remarks>Without a branch on the score, and inlined: batch scoring grades every lead twice.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GradeIndex(int score)
    {
        var (belowFirst, belowSecond, belowThird) = (Below(score, First), Below(score, Second), Below(score, Third));
        return belowFirst * (1 + (belowSecond * (1 + belowThird)));
    }

    private static int Below(int score, int threshold) => score < threshold ? 1 : 0;
}

/// <summary>How a rejected or cold lead may come back to MQL: only after the cool-down, and only with new engagement.</summary>
public sealed record RecyclingRule(int CooldownDays);
