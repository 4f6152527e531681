using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>
/// The leads a suggestion learns from and is judged on, held in columns: each lead's known outcome (null when not
/// known), when it was first seen, the moment scores are taken, and how many MQLs a month the SDR team can work.
/// </summary>
public sealed class TuningData(
    LeadBatch batch, IReadOnlyList<bool?> outcomes, IReadOnlyList<DateTimeOffset?> firstSeen, DateTimeOffset asOf,
        double mqlCapacityPerMonth)
{
    public LeadBatch Batch { get; } = batch;

    public IReadOnlyList<bool?> Outcomes { get; } = outcomes;

    public IReadOnlyList<DateTimeOffset?> FirstSeen { get; } = firstSeen;

    public DateTimeOffset AsOf { get; } = asOf;

    public double MqlCapacityPerMonth { get; } = mqlCapacityPerMonth;

    /// <summary>Positions of the leads whose outcome is known, in batch order.</summary>
    public IReadOnlyList<int> Labelled { get; } = Enumerable.Range(0, outcomes.Count)
        .Where(i => outcomes[i] is not null).ToArray();

    /// <summary>How many months the leads span (one when they have no dates).</summary>
    public double Months { get; } = Backtests.MonthsSpanned(firstSeen);

    /// <summary>Whether the leads have dates, so volumes can be read per month.</summary>
    public bool IsDated => FirstSeen.Count(d => d is not null) >= 0.8 * FirstSeen.Count && Months > 1;

    /// <summary>The fewest known outcomes (of both kinds) learned from.</summary>
    public const int LeastLabelled = 50;

    /// <summary>What to say when the leads are not <see cref="IsLearnable"/>.</summary>
    public const string TooFewOutcomes =
        "Not enough leads with a known outcome of both kinds to learn from yet (50 or more are needed).";

    /// <summary>Enough known outcomes (<see cref="LeastLabelled"/> or more, of both kinds) to learn from.</summary>
    public bool IsLearnable => Labelled.Count >= LeastLabelled && Labelled.Any(i => Outcomes[i] == true)
        && Labelled.Any(i => Outcomes[i] == false);

    /// <summary>The usual split of the labelled leads (indices into <see cref="Labelled"/>): by time when they have
    /// dates, else stratified.</summary>
    public Split DefaultSplit() =>
        Split.Of(Labelled.Select(i => Outcomes[i]!.Value).ToList(), Labelled.Select(i => FirstSeen[i]).ToList());
}
