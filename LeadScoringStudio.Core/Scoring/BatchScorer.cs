using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// A model compiled against a batch: every condition is decided once per distinct attribute value and activity
/// signature (<see cref="AttributeMatcher"/>, <see cref="ActivityCounter"/>), and leads are scored in parallel, their
/// attributes a block of leads at a time. Gives exactly the numbers of <see cref="LeadScorer"/>, without the
/// explanation.
/// </summary>
public sealed class BatchScorer
{
    /// <summary>How many leads are matched on their attributes at once.</summary>
    private const int BlockSize = 256;

    /// <summary>How many leads one task takes at a time: small enough that the cores finish together.</summary>
    private const int ChunkSize = 16 * BlockSize;

    private readonly ScoringModel _model;
    private readonly LeadBatch _batch;
    private readonly ScoreAggregator _aggregator;
    private readonly Criterion[] _criteria;
    private readonly ActivityCounter _activities;
    private readonly AttributeMatcher _attributes;
    private readonly Lazy<AttributeMatcher> _eachAttribute;
    private readonly int[][] _completenessColumns;
    private readonly int[] _completenessPoints;
    private readonly int[] _basePoints;
    private readonly int?[] _maxPoints;

    public BatchScorer(ScoringModel model, LeadBatch batch)
    {
        _model = model;
        _batch = batch;
        _aggregator = new ScoreAggregator(model);
        _criteria = [.. model.Criteria];
        _activities = new ActivityCounter(_criteria,
            model.Disqualifiers.Select(d => d.When).OfType<ActivityCondition>(), batch);
        var attributeDisqualifiers = model.Disqualifiers.Select(d => d.When).OfType<AttributeCondition>().ToArray();
        _attributes = new AttributeMatcher(_criteria, attributeDisqualifiers, batch, k => !_aggregator.HasCategory(k));
        _eachAttribute = new Lazy<AttributeMatcher>(() => new AttributeMatcher(_criteria, attributeDisqualifiers,
            batch));
        _completenessColumns = model.Completeness?.Fields.Select(ColumnOf).ToArray() ?? [];
        _completenessPoints = model.Completeness is { } completeness
            ? [.. Enumerable.Range(0, _completenessColumns.Length + 1)
                .Select(present => CriterionPoints.Completeness(completeness, present))]
            : [0];
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
        var attributes = evidence is null ? _attributes : _eachAttribute.Value;
        Parallel.For(0, (_batch.Count + ChunkSize - 1) / ChunkSize,
            () => new Scratch(_criteria.Length, _aggregator.CategoryCount, attributes), (part, _, scratch) =>
        {
            var end = Math.Min(_batch.Count, (part + 1) * ChunkSize);
            for (var from = part * ChunkSize; from < end; from += BlockSize)
            {
                scratch.LeadCount = 0;
                for (var lead = from; lead < Math.Min(end, from + BlockSize); lead++)
                {
                    scratch.Leads[scratch.LeadCount++] = lead;
                }

                MatchBlock(scratch);
                for (var i = 0; i < scratch.LeadCount; i++)
                {
                    var lead = scratch.Leads[i];
                    ScoreLead(lead, asOf.UtcTicks, scratch, i, scores,
                        scores.CategoryScores.AsSpan(lead * scores.CategoryCount, scores.CategoryCount), evidence);
                }
            }

            return scratch;
        }, _ => { });
        return scores;
    }

    /// <summary>
    /// Scores each lead of the batch with the scorer of its segment, in one pass in batch order (the same streaming
    /// through the activity columns as one model's pass), into scores the scorers share: scorer s's category c goes
    /// to column <paramref name="categoryColumns"/>[s][c]. Each block of leads is split by segment, and each scorer
    /// matches only its own leads.
    /// </summary>
    internal static BatchScores ScoreRouted(IReadOnlyList<BatchScorer> scorers, byte[] segmentOf,
        int[][] categoryColumns, int categoryCount, DateTimeOffset asOf)
    {
        var scores = new BatchScores(segmentOf.Length, categoryCount);
        Parallel.For(0, (segmentOf.Length + ChunkSize - 1) / ChunkSize,
            () => scorers.Select(s => new Scratch(s._criteria.Length, s._aggregator.CategoryCount, s._attributes))
                .ToArray(), (part, _, scratches) =>
        {
            var end = Math.Min(segmentOf.Length, (part + 1) * ChunkSize);
            for (var from = part * ChunkSize; from < end; from += BlockSize)
            {
                foreach (var scratch in scratches)
                {
                    scratch.LeadCount = 0;
                }

                for (var lead = from; lead < Math.Min(end, from + BlockSize); lead++)
                {
                    var scratch = scratches[segmentOf[lead]];
                    scratch.Leads[scratch.LeadCount++] = lead;
                }

                for (var segment = 0; segment < scorers.Count; segment++)
                {
                    var (scorer, scratch) = (scorers[segment], scratches[segment]);
                    var own = scratch.Categories;
                    scorer.MatchBlock(scratch);
                    for (var i = 0; i < scratch.LeadCount; i++)
                    {
                        var lead = scratch.Leads[i];
                        scorer.ScoreLead(lead, asOf.UtcTicks, scratch, i, scores, own, null);
                        for (var c = 0; c < own.Length; c++)
                        {
                            scores.CategoryScores[(lead * categoryCount) + categoryColumns[segment][c]] = own[c];
                        }
                    }
                }
            }

            return scratches;
        }, _ => { });
        return scores;
    }

    /// <summary>Matches the attributes of the scratch's leads into its block, and counts their completeness fields, a
    /// column at a time.</summary>
    private void MatchBlock(Scratch scratch)
    {
        var leads = scratch.Leads.AsSpan(0, scratch.LeadCount);
        scratch.Attributes.Match(leads, scratch.Block);
        var present = scratch.Present.AsSpan(0, leads.Length);
        present.Clear();
        foreach (var column in _completenessColumns)
        {
            for (var i = 0; i < leads.Length; i++)
            {
                present[i] += column[leads[i]] != 0 ? 1 : 0;
            }
        }
    }

    /// <summary>Scores lead <paramref name="lead"/>, the <paramref name="inBlock"/>th of the scratch's block.</summary>
    private void ScoreLead(int lead, long asOfTicks, Scratch scratch, int inBlock, BatchScores scores,
        Span<int> categories, ScoreEvidence? evidence)
    {
        var (counted, factors, finals, scored) = (scratch.Counted, scratch.Factors, scratch.Finals, scratch.Scored);
        scratch.ForgetLead();
        var (daysSinceLast, disqualified, count) = _activities.Count(lead, asOfTicks, counted, factors, scored);
        foreach (var k in scored.AsSpan(0, count))
        {
            finals[k] = factors[k] == 0 ? 0 : CriterionPoints.Final(_basePoints[k], _maxPoints[k], factors[k]);
        }

        var activityCount = count;
        disqualified |= scratch.Attributes.Listed(scratch.Block, inBlock, scratch.Hits, scored, ref count);
        foreach (var k in scored.AsSpan(activityCount, count - activityCount))
        {
            factors[k] = 1;
            finals[k] = scratch.Attributes.PointsOf(k);
        }

        scratch.ScoredCount = count;
        var inactivity = daysSinceLast >= 0 && _model.Inactivity is { } rule ? CriterionPoints.Inactivity(rule,
            daysSinceLast).Final : 0;
        var completeness = _completenessPoints[scratch.Present[inBlock]];
        var summed = scratch.Block.Points[inBlock];
        var totals = _aggregator.Aggregate(finals, scored.AsSpan(0, count), inactivity + summed.Engagement,
            completeness + summed.Fit, disqualified, categories, scratch.CategoryCuts);
        scores.Set(lead, totals, disqualified);
        evidence?.Keep(lead, factors, counted, finals, inactivity, completeness, disqualified);
    }

    private int[] ColumnOf(string field) =>
        _batch.Attributes.TryGetValue(field, out var column) ? column.ValueIds : new int[_batch.Count];

    /// <summary>One thread's working arrays: a block of leads, what the attribute matcher found for them, and one
    /// entry per criterion. Only the criteria a lead scored are non-zero, and only those are cleared for the next
    /// lead.</summary>
    private sealed class Scratch(int criteria, int categories, AttributeMatcher attributes)
    {
        public AttributeMatcher Attributes { get; } = attributes;

        /// <summary>The block's leads (the first <see cref="LeadCount"/>), in batch order.</summary>
        public int[] Leads { get; } = new int[BlockSize];

        public int LeadCount { get; set; }

        public AttributeMatcher.Block Block { get; } = new(BlockSize, attributes.MostListed);

        /// <summary>Per lead of the block, how many of the completeness fields it has a value in.</summary>
        public int[] Present { get; } = new int[BlockSize];

        public int[] Counted { get; } = new int[criteria];

        public double[] Factors { get; } = new double[criteria];

        public int[] Finals { get; } = new int[criteria];

        public int[] Hits { get; } = new int[criteria];

        /// <summary>The criteria the lead scored (counted an activity, or met the attribute conditions). One place
        /// more than the criteria: counting activities writes each entry's criterion where the next would go.</summary>
        public int[] Scored { get; } = new int[criteria + 1];

        public int ScoredCount { get; set; }

        public int[] CategoryCuts { get; } = new int[2 * categories];

        /// <summary>A lead's category scores, when they go to other columns than this scorer's own.</summary>
        public int[] Categories { get; } = new int[categories];

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
