namespace LeadScoringStudio.Core.Models;

public enum DecayKind
{
    None,
    HalfLife,
    Linear,
}

/// <summary>
/// How an activity's points fade with its age in whole days: not at all, by half every
/// <see cref="Days"/> days, or in a straight line to zero after <see cref="Days"/> days.
/// </summary>
public sealed record Decay(DecayKind Kind, int Days)
{
    public static Decay None { get; } = new(DecayKind.None, 0);

    public static Decay HalfLife(int days) => new(DecayKind.HalfLife, days);

    public static Decay Linear(int days) => new(DecayKind.Linear, days);

    /// <summary>The share of its points an activity keeps at the given age (1 = all, 0 = none).</summary>
    public double Factor(int ageDays) => Kind switch
    {
        DecayKind.HalfLife when Days > 0 => Math.Pow(0.5, (double)ageDays / Days),
        DecayKind.Linear when Days > 0 => Math.Max(0.0, 1.0 - ((double)ageDays / Days)),
        _ => 1.0,
    };
}
