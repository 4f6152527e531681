using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// A model's activity criteria and activity disqualifiers compiled against a batch. Each activity signature leads
/// straight to the criteria it meets (its entries); decay factors are tabled per day of age; a lead's activities are
/// read only as far back as the widest window.
/// </summary>
/// <remarks>The loop over an activity's entries has no branch on the data: which entries count changes from activity
/// to activity, and with branches the loop took about a tenth more CPU. An entry that does not count adds 0 to the
/// count and +0.0 to the decay-factor sum, which leaves the sum exactly as it was, so the sums are those of single-lead
/// scoring.</remarks>
internal sealed class ActivityCounter
{
    private const int DecayTableDays = 4000;

    /// <summary>More days than lie between the first and the last moment a <see cref="DateTimeOffset"/> can
    /// hold.</summary>
    private const int MostDays = 3_700_000;

    private readonly LeadBatch _batch;
    private readonly Criterion[] _criteria;
    private readonly SignatureEntries[] _bySignature;
    private readonly ActivityEntry[] _entries;
    private readonly double[] _decayFactors;
    private readonly int _horizon;

    public ActivityCounter(Criterion[] criteria, IEnumerable<ActivityCondition> disqualifiers, LeadBatch batch)
    {
        _batch = batch;
        _criteria = criteria;
        var activityCriteria = Enumerable.Range(0, criteria.Length).Where(k => criteria[k] is ActivityCriterion)
            .ToArray();
        var activityMatches = activityCriteria.Select(k => batch.Conditions.Of(((ActivityCriterion)criteria[k]).When))
            .ToArray();
        var decayStart = new Dictionary<int, int>();
        // The table starts with the 0 an entry that does not count adds.
        var decayFactors = new List<double> { 0.0 };
        foreach (var k in activityCriteria)
        {
            decayStart[k] = decayFactors.Count;
            decayFactors.AddRange(Enumerable.Range(0, TabledDays((ActivityCriterion)criteria[k]))
                .Select(((ActivityCriterion)criteria[k]).Decay.Factor));
        }

        _decayFactors = [.. decayFactors];
        var disqualifying = disqualifiers.Select(batch.Conditions.Of).ToArray();
        var entries = new List<ActivityEntry>();
        _bySignature = new SignatureEntries[batch.Signatures.Length];
        for (var signature = 0; signature < batch.Signatures.Length; signature++)
        {
            var start = entries.Count;
            entries.AddRange(activityCriteria.Where((_, i) => activityMatches[i][signature])
                .Select(k => ActivityEntry.Of(k, (ActivityCriterion)criteria[k], decayStart[k])));
            _bySignature[signature] = new SignatureEntries(start, entries.Count,
                disqualifying.Any(matches => matches[signature]));
        }

        _entries = [.. entries];
        _horizon = disqualifying.Length > 0 ? int.MaxValue : activityCriteria
            .Select(k => ((ActivityCriterion)criteria[k]).LookbackDays ?? int.MaxValue).DefaultIfEmpty(0).Max();
    }

    /// <summary>
    /// Counts the lead's activities into each activity criterion's matches and decay-factor sum, newest first, writes
    /// each criterion counted into <paramref name="scored"/> (which has a place more than there are criteria), and
    /// says how many days old the newest activity is (−1 without any), whether one disqualifies, and how many criteria
    /// were counted.
    /// </summary>
    public (int DaysSinceLast, bool Disqualified, int Scored) Count(int lead, long asOfTicks, int[] counted,
        double[] factors, int[] scored)
    {
        var (from, to) = (_batch.ActivityStart[lead], _batch.ActivityStart[lead + 1]);
        var ticks = _batch.ActivityTicks.AsSpan(from, to - from);
        // Newest first: activities after the scoring moment come first and are skipped; from the first one before it,
        // each is at least as old as the one before, so the activities to count end at the first beyond the widest
        // window, and those tabled end at the first as old as the decay tables.
        var e = 0;
        while (e < ticks.Length && ticks[e] > asOfTicks)
        {
            e++;
        }

        var daysSinceLast = e < ticks.Length ? CriterionPoints.AgeDays(ticks[e], asOfTicks) : -1;
        var signatures = _batch.ActivitySignature.AsSpan(from, to - from);
        var tallies = new Tallies(counted, factors, scored);
        e = CountRange(ticks, signatures, e, asOfTicks, Math.Min(_horizon, DecayTableDays), ref tallies,
            new TabledFactors(_decayFactors));
        if (_horizon > DecayTableDays)
        {
            CountRange(ticks, signatures, e, asOfTicks, _horizon, ref tallies, new ComputedFactors(_criteria));
        }

        return (daysSinceLast, tallies.Disqualified, tallies.Count);
    }

    /// <summary>Counts the activities from the <paramref name="e"/>th on that are less than
    /// <paramref name="days"/> days old into the tallies, and says where they end.</summary>
    private int CountRange<TFactors>(ReadOnlySpan<long> ticks, ReadOnlySpan<int> signatures, int e,
        long asOfTicks, int days, ref Tallies tallies, TFactors decay)
        where TFactors : struct, IDecayFactors
    {
        var (bySignature, entries, counted, factors, scored) =
            (_bySignature, _entries, tallies.Counted, tallies.Factors, tallies.Scored);
        var (disqualified, count) = (false, tallies.Count);
        var limit = days > MostDays ? long.MinValue : asOfTicks - ((long)days * TimeSpan.TicksPerDay);
        for (; e < ticks.Length && ticks[e] > limit; e++)
        {
            var age = (int)((ulong)(asOfTicks - ticks[e]) / TimeSpan.TicksPerDay);
            ref readonly var matching = ref bySignature[signatures[e]];
            disqualified |= matching.Disqualifies;
            // Without branches on the data: an activity outside the criterion's window, or past its limit, adds 0 to
            // the count and +0.0 to the sum, which leaves both as they were. Each entry writes its criterion at the
            // end of the scored list, which moves on only when the criterion is counted for the first time.
            for (var i = matching.Start; i < matching.End; i++)
            {
                ref readonly var entry = ref entries[i];
                var k = entry.Criterion;
                var before = counted[k];
                var take = Below(age, entry.Lookback) & Below(before, entry.MaxOccurrences);
                counted[k] = before + take;
                scored[count] = k;
                count += take & Below(before, 1);
                factors[k] += decay.Added(entry, age, take);
            }
        }

        tallies.Count = count;
        tallies.Disqualified |= disqualified;
        return e;
    }

    /// <summary>1 when <paramref name="a"/> &lt; <paramref name="b"/>, else 0, without a branch; both are at least 0, or
    /// <paramref name="a"/> is and <paramref name="b"/> is 1.</summary>
    private static int Below(int a, int b) => (int)((uint)(a - b) >> 31);

    /// <summary>Decay factors are tabled per day of age up to the window's end, or this many days without
    /// one.</summary>
    private static int TabledDays(ActivityCriterion criterion) =>
        Math.Clamp(criterion.LookbackDays ?? DecayTableDays, 0, DecayTableDays);

    /// <summary>Where a signature's entries are (<c>Start</c> to <c>End</c> − 1), and whether it
    /// disqualifies.</summary>
    private readonly record struct SignatureEntries(int Start, int End, bool Disqualifies);

    /// <summary>An activity criterion as one signature's activities meet it: its index, window, limit of counted
    /// matches, and where its decay factors start in the table.</summary>
    private readonly record struct ActivityEntry(int Criterion, int Lookback, int MaxOccurrences, int DecayStart)
    {
        public static ActivityEntry Of(int k, ActivityCriterion criterion, int decayStart) => new(k,
            Math.Max(0, criterion.LookbackDays ?? int.MaxValue), Math.Max(0, criterion.MaxOccurrences ?? int.MaxValue),
            decayStart);
    }

    /// <summary>What a lead's activities have counted so far: per criterion the matches and the decay-factor sum, and
    /// the criteria counted (the first <c>Count</c> of <c>Scored</c>), and whether an activity disqualifies.</summary>
    private ref struct Tallies(int[] counted, double[] factors, int[] scored)
    {
        public readonly int[] Counted = counted;
        public readonly double[] Factors = factors;
        public readonly int[] Scored = scored;
        public int Count;
        public bool Disqualified;
    }

    /// <summary>The decay factor of an entry's criterion at an age in days.</summary>
    private interface IDecayFactors
    {
        /// <summary>What an entry adds to its criterion's sum at an age in days: its decay factor when it counts
        /// (<paramref name="take"/> 1), else +0.0.</summary>
        double Added(in ActivityEntry entry, int age, int take);
    }

    /// <summary>From the tables, for ages below <see cref="DecayTableDays"/>. An entry that counts lies inside its
    /// criterion's window, so inside its row; one that does not reads the table's first place, the 0.</summary>
    private readonly struct TabledFactors(double[] table) : IDecayFactors
    {
        public double Added(in ActivityEntry entry, int age, int take) => table[(entry.DecayStart + age) & -take];
    }

    /// <summary>Worked out, for the rare activity older than the tables.</summary>
    private readonly struct ComputedFactors(Criterion[] criteria) : IDecayFactors
    {
        public double Added(in ActivityEntry entry, int age, int take) =>
            take * ((ActivityCriterion)criteria[entry.Criterion]).Decay.Factor(age);
    }
}
