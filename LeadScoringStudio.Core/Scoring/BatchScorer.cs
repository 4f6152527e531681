using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// A model compiled against a batch: every condition is decided once per distinct attribute value
/// and activity signature, decay factors are tabled per age, and leads are scored in parallel. Gives
/// exactly the numbers of <see cref="LeadScorer"/>, without the explanation.
/// </summary>
public sealed class BatchScorer
{
    private const int DecayTableDays = 4000;

    private readonly ScoringModel _model;
    private readonly LeadBatch _batch;
    private readonly ScoreAggregator _aggregator;
    private readonly Criterion[] _criteria;
    private readonly int[] _entriesStart;
    private readonly ActivityEntry[] _entries;
    private readonly double[] _decayFactors;
    private readonly int _horizon;
    private readonly bool[] _disqualifyingSignature;
    private readonly (int[] ValueIds, bool[] Matches)[][] _attributeMatches;
    private readonly int[] _attributeCriterion;
    private readonly int[] _attributePoints;
    private readonly int[] _activityCriteria;
    private readonly (int[] ValueIds, bool[] Matches)[] _attributeDisqualifiers;
    private readonly int[][] _completenessColumns;
    private readonly int[] _basePoints;
    private readonly int?[] _maxPoints;

    public BatchScorer(ScoringModel model, LeadBatch batch)
    {
        _model = model;
        _batch = batch;
        _aggregator = new ScoreAggregator(model);
        _criteria = [.. model.Criteria];
        var activityCriteria = _activityCriteria = Enumerable.Range(0, _criteria.Length)
            .Where(k => _criteria[k] is ActivityCriterion).ToArray();
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
        var entries = new List<ActivityEntry>();
        _entriesStart = new int[batch.Signatures.Length + 1];
        for (var signature = 0; signature < batch.Signatures.Length; signature++)
        {
            _entriesStart[signature] = entries.Count;
            entries.AddRange(activityCriteria.Where((_, i) => activityMatches[i][signature])
                .Select(k => ActivityEntry.Of(k, (ActivityCriterion)_criteria[k], decayStart[k])));
        }

        _entriesStart[^1] = entries.Count;
        _entries = [.. entries];
        var disqualifying = model.Disqualifiers.Select(d => d.When).OfType<ActivityCondition>()
            .Select(batch.Conditions.Of).ToArray();
        _disqualifyingSignature = Enumerable.Range(0, batch.Signatures.Length)
            .Select(signature => disqualifying.Any(matches => matches[signature]))
            .ToArray();
        _attributeCriterion = Enumerable.Range(0, _criteria.Length).Where(k => _criteria[k] is AttributeCriterion)
            .ToArray();
        _attributePoints = [.. _attributeCriterion.Select(k => CriterionPoints.Final(_criteria[k], 1))];
        _attributeMatches = _attributeCriterion.Select(k =>
            ((AttributeCriterion)_criteria[k]).Conditions.Select(batch.Conditions.Of).ToArray()).ToArray();
        _attributeDisqualifiers = model.Disqualifiers.Select(d => d.When).OfType<AttributeCondition>()
            .Select(batch.Conditions.Of).ToArray();
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
        var counted = scratch.Counted;
        var factors = scratch.Factors;
        var finals = scratch.Finals;
        Array.Clear(counted);
        Array.Clear(factors);
        var (daysSinceLast, disqualified) = CountActivities(lead, asOfTicks, counted, factors);
        for (var i = 0; i < _attributeCriterion.Length; i++)
        {
            var matched = true;
            foreach (var (valueIds, matches) in _attributeMatches[i])
            {
                matched &= matches[valueIds[lead]];
            }

            factors[_attributeCriterion[i]] = matched ? 1 : 0;
            finals[_attributeCriterion[i]] = matched ? _attributePoints[i] : 0;
        }

        foreach (var (valueIds, matches) in _attributeDisqualifiers)
        {
            disqualified |= matches[valueIds[lead]];
        }

        foreach (var k in _activityCriteria)
        {
            finals[k] = factors[k] == 0 ? 0 : CriterionPoints.Final(_basePoints[k], _maxPoints[k], factors[k]);
        }

        var inactivity = daysSinceLast >= 0 && _model.Inactivity is { } rule ? CriterionPoints.Inactivity(rule,
            daysSinceLast).Final : 0;
        var completeness = _model.Completeness is { } completenessRule
            ? CriterionPoints.Completeness(completenessRule, PresentCount(lead))
            : 0;
        var totals = _aggregator.Aggregate(finals, inactivity, completeness, disqualified, categories,
            scratch.CategoryCuts);
        scores.Set(lead, totals, disqualified);
        evidence?.Keep(lead, factors, counted, finals, inactivity, completeness, disqualified);
    }

    /// <summary>
    /// Counts the lead's activities into each activity criterion's matches and decay-factor sum, newest first, and
    /// says how many days old the newest is (−1 without any) and whether one disqualifies.
    /// </summary>
    private (int DaysSinceLast, bool Disqualified) CountActivities(int lead, long asOfTicks, Span<int> counted,
        Span<double> factors)
    {
        var (from, to) = (_batch.ActivityStart[lead], _batch.ActivityStart[lead + 1]);
        var ticks = _batch.ActivityTicks.AsSpan(from, to - from);
        var signatures = _batch.ActivitySignature.AsSpan(from, to - from);
        ReadOnlySpan<ActivityEntry> entries = _entries;
        ReadOnlySpan<int> entriesStart = _entriesStart;
        ReadOnlySpan<double> decayFactors = _decayFactors;
        var horizon = _horizon;
        var (daysSinceLast, disqualified) = (-1, false);
        for (var e = 0; e < ticks.Length; e++)
        {
            var age = CriterionPoints.AgeDays(ticks[e], asOfTicks);
            if (age < 0)
            {
                continue;
            }

            if (daysSinceLast < 0)
            {
                daysSinceLast = age;
            }

            // Newest first: every activity after this one is at least as old, so none can count.
            if (age >= horizon)
            {
                break;
            }

            var signature = signatures[e];
            disqualified |= _disqualifyingSignature[signature];
            foreach (ref readonly var entry in entries[entriesStart[signature]..entriesStart[signature + 1]])
            {
                var k = entry.Criterion;
                if (age < entry.Lookback && counted[k] < entry.MaxOccurrences)
                {
                    counted[k]++;
                    factors[k] += age < entry.TableDays
                        ? decayFactors[entry.DecayStart + age]
                        : ((ActivityCriterion)_criteria[k]).Decay.Factor(age);
                }
            }
        }

        return (daysSinceLast, disqualified);
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

    /// <summary>Decay factors are tabled per day of age up to the window's end, or this many days without one.</summary>
    private static int TabledDays(ActivityCriterion criterion) => Math.Min(criterion.LookbackDays ?? DecayTableDays,
        DecayTableDays);

    /// <summary>An activity criterion as one signature's activities meet it: its index, window, limit of counted
    /// matches, and where its decay factors start in the table.</summary>
    private readonly record struct ActivityEntry(int Criterion, int Lookback, int MaxOccurrences, int DecayStart,
        int TableDays)
    {
        public static ActivityEntry Of(int k, ActivityCriterion criterion, int decayStart) => new(k,
            criterion.LookbackDays ?? int.MaxValue, criterion.MaxOccurrences ?? int.MaxValue, decayStart,
            TabledDays(criterion));
    }

    private sealed class Scratch(int criteria, int categories)
    {
        public int[] Counted { get; } = new int[criteria];

        public double[] Factors { get; } = new double[criteria];

        public int[] Finals { get; } = new int[criteria];

        public int[] CategoryCuts { get; } = new int[2 * categories];
    }
}
