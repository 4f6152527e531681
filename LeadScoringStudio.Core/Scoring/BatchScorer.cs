using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// A model compiled against a batch: every condition is decided once per distinct attribute value and activity
/// signature, each signature leads straight to the criteria it meets, decay factors are tabled per day of age, a lead's
/// activities are read only as far back as the widest window, and leads are scored in parallel. Gives exactly the
/// numbers of <see cref="LeadScorer"/>, without the explanation.
/// </summary>
public sealed class BatchScorer
{
    private const int DecayTableDays = 4000;

    private readonly ScoringModel _model;
    private readonly LeadBatch _batch;
    private readonly ScoreAggregator _aggregator;
    private readonly Criterion[] _criteria;
    private readonly SignatureEntries[] _bySignature;
    private readonly ActivityEntry[] _entries;
    private readonly double[] _decayFactors;
    private readonly int _horizon;
    private readonly AttributeMatcher _attributes;
    private readonly int[] _attributePoints;
    private readonly int[][] _completenessColumns;
    private readonly int[] _basePoints;
    private readonly int?[] _maxPoints;

    public BatchScorer(ScoringModel model, LeadBatch batch)
    {
        _model = model;
        _batch = batch;
        _aggregator = new ScoreAggregator(model);
        _criteria = [.. model.Criteria];
        var activityCriteria = Enumerable.Range(0, _criteria.Length).Where(k => _criteria[k] is ActivityCriterion)
            .ToArray();
        var activityMatches = activityCriteria.Select(k => batch.Conditions.Of(((ActivityCriterion)_criteria[k]).When))
            .ToArray();
        var decayStart = new Dictionary<int, int>();
        var decayFactors = new List<double>();
        foreach (var k in activityCriteria)
        {
            decayStart[k] = decayFactors.Count;
            decayFactors.AddRange(Enumerable.Range(0, TabledDays((ActivityCriterion)_criteria[k]))
                .Select(((ActivityCriterion)_criteria[k]).Decay.Factor));
        }

        _decayFactors = [.. decayFactors];
        var disqualifying = model.Disqualifiers.Select(d => d.When).OfType<ActivityCondition>()
            .Select(batch.Conditions.Of).ToArray();
        var entries = new List<ActivityEntry>();
        _bySignature = new SignatureEntries[batch.Signatures.Length];
        for (var signature = 0; signature < batch.Signatures.Length; signature++)
        {
            var start = entries.Count;
            entries.AddRange(activityCriteria.Where((_, i) => activityMatches[i][signature])
                .Select(k => ActivityEntry.Of(k, (ActivityCriterion)_criteria[k], decayStart[k])));
            _bySignature[signature] = new SignatureEntries(start, entries.Count,
                disqualifying.Any(matches => matches[signature]));
        }

        _entries = [.. entries];
        _attributes = new AttributeMatcher(_criteria,
            model.Disqualifiers.Select(d => d.When).OfType<AttributeCondition>(), batch);
        _attributePoints = [.. _criteria.Select(c => c is AttributeCriterion ? CriterionPoints.Final(c, 1) : 0)];
        _completenessColumns = model.Completeness?.Fields.Select(ColumnOf).ToArray() ?? [];
        _horizon = disqualifying.Length > 0 ? int.MaxValue : activityCriteria
            .Select(k => ((ActivityCriterion)_criteria[k]).LookbackDays ?? int.MaxValue).DefaultIfEmpty(0).Max();
        _basePoints = _criteria.Select(c => c.BasePoints).ToArray();
        _maxPoints = _criteria.Select(CriterionPoints.MaxPointsOf).ToArray();
    }

    public BatchScores Score(DateTimeOffset asOf) => Score(asOf, null);

    /// <summary>Scores the batch and also says, per lead and criterion, whether the criterion matched (row-major, leads
    /// × criteria): an attribute criterion that holds, or an activity inside the window, even one whose decay has
    /// reached 0 points (the explanation shows it).</summary>
    public (BatchScores Scores, bool[] Matched) ScoreWithMatches(DateTimeOffset asOf)
    {
        var evidence = new ScoreEvidence(_batch.Count, _criteria.Length, keepMatches: true);
        return (Score(asOf, evidence), evidence.Matched!);
    }

    /// <summary>Scores every lead; when <paramref name="evidence"/> is given, keeps what what-if scoring
    /// needs.</summary>
    internal BatchScores Score(DateTimeOffset asOf, ScoreEvidence? evidence)
    {
        var scores = new BatchScores(_batch.Count, _aggregator.CategoryCount);
        var chunk = Math.Max(1024, _batch.Count / (Environment.ProcessorCount * 8));
        Parallel.For(0, (_batch.Count + chunk - 1) / chunk, part =>
        {
            var scratch = new Scratch(_criteria.Length, _aggregator.CategoryCount);
            var end = Math.Min(_batch.Count, (part + 1) * chunk);
            for (var lead = part * chunk; lead < end; lead++)
            {
                ScoreLead(lead, asOf.UtcTicks, scratch, scores,
                    scores.CategoryScores.AsSpan(lead * scores.CategoryCount, scores.CategoryCount), evidence);
            }
        });
        return scores;
    }

    /// <summary>
    /// Scores each lead of the batch with the scorer of its segment, in one pass in batch order (the same streaming
    /// through the activity columns as one model's pass), into scores the scorers share: scorer s's category c goes
    /// to column <paramref name="categoryColumns"/>[s][c].
    /// </summary>
    internal static BatchScores ScoreRouted(IReadOnlyList<BatchScorer> scorers, byte[] segmentOf,
        int[][] categoryColumns, int categoryCount, DateTimeOffset asOf)
    {
        var scores = new BatchScores(segmentOf.Length, categoryCount);
        var chunk = Math.Max(1024, segmentOf.Length / (Environment.ProcessorCount * 8));
        Parallel.For(0, (segmentOf.Length + chunk - 1) / chunk, part =>
        {
            var scratches = scorers.Select(s => new Scratch(s._criteria.Length, s._aggregator.CategoryCount)).ToArray();
            var categories = scorers.Select(s => new int[s._aggregator.CategoryCount]).ToArray();
            var end = Math.Min(segmentOf.Length, (part + 1) * chunk);
            for (var lead = part * chunk; lead < end; lead++)
            {
                var segment = segmentOf[lead];
                var own = categories[segment];
                scorers[segment].ScoreLead(lead, asOf.UtcTicks, scratches[segment], scores, own, null);
                var columns = categoryColumns[segment];
                for (var c = 0; c < own.Length; c++)
                {
                    scores.CategoryScores[(lead * categoryCount) + columns[c]] = own[c];
                }
            }
        });
        return scores;
    }

    private void ScoreLead(int lead, long asOfTicks, Scratch scratch, BatchScores scores, Span<int> categories,
        ScoreEvidence? evidence)
    {
        var (counted, factors, finals, scored) = (scratch.Counted, scratch.Factors, scratch.Finals, scratch.Scored);
        scratch.ForgetLead();
        var (daysSinceLast, disqualified, count) = CountActivities(lead, asOfTicks, counted, factors, scored);
        foreach (var k in scored.AsSpan(0, count))
        {
            finals[k] = factors[k] == 0 ? 0 : CriterionPoints.Final(_basePoints[k], _maxPoints[k], factors[k]);
        }

        var activityCount = count;
        disqualified |= _attributes.Match(lead, scratch.Hits, scored, ref count);
        foreach (var k in scored.AsSpan(activityCount, count - activityCount))
        {
            factors[k] = 1;
            finals[k] = _attributePoints[k];
        }

        scratch.ScoredCount = count;
        var inactivity = daysSinceLast >= 0 && _model.Inactivity is { } rule ? CriterionPoints.Inactivity(rule,
            daysSinceLast).Final : 0;
        var completeness = _model.Completeness is { } completenessRule
            ? CriterionPoints.Completeness(completenessRule, PresentCount(lead))
            : 0;
        var totals = _aggregator.Aggregate(finals, scored.AsSpan(0, count), inactivity, completeness, disqualified,
            categories, scratch.CategoryCuts);
        scores.Set(lead, totals, disqualified);
        evidence?.Keep(lead, factors, counted, finals, inactivity, completeness, disqualified);
    }

    /// <summary>
    /// Counts the lead's activities into each activity criterion's matches and decay-factor sum, newest first, writes
    /// each criterion counted into <paramref name="scored"/>, and says how many days old the newest activity is (−1
    /// without any), whether one disqualifies, and how many criteria were counted.
    /// </summary>
    private (int DaysSinceLast, bool Disqualified, int Scored) CountActivities(int lead, long asOfTicks,
        int[] counted, double[] factors, int[] scored)
    {
        var (from, to) = (_batch.ActivityStart[lead], _batch.ActivityStart[lead + 1]);
        var ticks = _batch.ActivityTicks.AsSpan(from, to - from);
        var signatures = _batch.ActivitySignature.AsSpan(from, to - from);
        var (bySignature, entries, decayFactors, horizon) = (_bySignature, _entries, _decayFactors, _horizon);
        // Newest first: activities after the scoring moment come first and are skipped; from the first one before it,
        // each is at least as old as the one before, so the first beyond the widest window ends the count.
        var e = 0;
        while (e < ticks.Length && ticks[e] > asOfTicks)
        {
            e++;
        }

        var daysSinceLast = e < ticks.Length ? CriterionPoints.AgeDays(ticks[e], asOfTicks) : -1;
        var (disqualified, count) = (false, 0);
        for (; e < ticks.Length; e++)
        {
            var age = CriterionPoints.AgeDays(ticks[e], asOfTicks);
            if (age >= horizon)
            {
                break;
            }

            ref readonly var matching = ref bySignature[signatures[e]];
            disqualified |= matching.Disqualifies;
            for (var i = matching.Start; i < matching.End; i++)
            {
                ref readonly var entry = ref entries[i];
                var k = entry.Criterion;
                if (age < entry.Lookback && counted[k] < entry.MaxOccurrences)
                {
                    if (counted[k]++ == 0)
                    {
                        scored[count++] = k;
                    }

                    factors[k] += age < entry.TableDays
                        ? decayFactors[entry.DecayStart + age]
                        : ((ActivityCriterion)_criteria[k]).Decay.Factor(age);
                }
            }
        }

        return (daysSinceLast, disqualified, count);
    }

    /// <summary>How many of the completeness fields the lead has a value in.</summary>
    private int PresentCount(int lead)
    {
        var present = 0;
        foreach (var column in _completenessColumns)
        {
            present += column[lead] != 0 ? 1 : 0;
        }

        return present;
    }

    private int[] ColumnOf(string field) =>
        _batch.Attributes.TryGetValue(field, out var column) ? column.ValueIds : new int[_batch.Count];

    /// <summary>Decay factors are tabled per day of age up to the window's end, or this many days without
    /// one.</summary>
    private static int TabledDays(ActivityCriterion criterion) =>
        Math.Clamp(criterion.LookbackDays ?? DecayTableDays, 0, DecayTableDays);

    /// <summary>Where a signature's entries are (<c>Start</c> to <c>End</c> − 1), and whether it
    /// disqualifies.</summary>
    private readonly record struct SignatureEntries(int Start, int End, bool Disqualifies);

    /// <summary>An activity criterion as one signature's activities meet it: its index, window, limit of counted
    /// matches, and where its decay factors start in the table and for how many days of age.</summary>
    private readonly record struct ActivityEntry(int Criterion, int Lookback, int MaxOccurrences, int DecayStart,
        int TableDays)
    {
        public static ActivityEntry Of(int k, ActivityCriterion criterion, int decayStart) => new(k,
            criterion.LookbackDays ?? int.MaxValue, criterion.MaxOccurrences ?? int.MaxValue, decayStart,
            TabledDays(criterion));
    }

    /// <summary>One thread's working arrays, one entry per criterion. Only the criteria a lead scored are non-zero, and
    /// only those are cleared for the next lead.</summary>
    private sealed class Scratch(int criteria, int categories)
    {
        public int[] Counted { get; } = new int[criteria];

        public double[] Factors { get; } = new double[criteria];

        public int[] Finals { get; } = new int[criteria];

        public int[] Hits { get; } = new int[criteria];

        /// <summary>The criteria the lead scored (counted an activity, or met the attribute conditions).</summary>
        public int[] Scored { get; } = new int[criteria];

        public int ScoredCount { get; set; }

        public int[] CategoryCuts { get; } = new int[2 * categories];

        public void ForgetLead()
        {
            foreach (var k in Scored.AsSpan(0, ScoredCount))
            {
                Counted[k] = 0;
                Factors[k] = 0;
                Finals[k] = 0;
            }

            ScoredCount = 0;
        }
    }
}
