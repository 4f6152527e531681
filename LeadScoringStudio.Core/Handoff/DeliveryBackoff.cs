namespace LeadScoringStudio.Core.Handoff;

/// <summary>When a failed delivery is tried again: the first wait doubled after each failure, at most an hour
/// apart, and given up after <see cref="MaxAttempts"/>.</summary>
public static class DeliveryBackoff
{
    public const int MaxAttempts = 10;

    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <summary>The wait after <paramref name="attempts"/> failed attempts, or null when that was the last.</summary>
    public static TimeSpan? After(int attempts, TimeSpan first) =>
        attempts >= MaxAttempts
            ? null
            : TimeSpan.FromTicks(Math.Min(Longest.Ticks, first.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));
}
