using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// Answers "what if this criterion gave N points?" for a whole batch in milliseconds: the batch is scored once,
/// keeping per-criterion evidence; an edit that changes only criteria's points then recomputes those criteria's
/// points and re-adds every lead's score, grades and cell without reading activities again. Immutable once built,
/// so every circuit editing drafts of the same shape can share one.
/// </summary>
public sealed class WhatIfScorer
{
    private readonly ScoreAggregator _aggregator;
    private readonly ScoreEvidence _evidence;
    private readonly int _count;

    public WhatIfScorer(ScoringModel model, LeadBatch batch, DateTimeOffset asOf)
    {
        Model = model;
        _aggregator = new ScoreAggregator(model);
        _count = batch.Count;
        _evidence = new ScoreEvidence(batch.Count, model.Criteria.Count);
        Scores = new BatchScorer(model, batch).Score(asOf, _evidence);
    }

    /// <summary>The model the evidence was kept for.</summary>
    public ScoringModel Model { get; }

    /// <summary>The scores under <see cref="Model"/>.</summary>
    public BatchScores Scores { get; }

    /// <summary>
    /// The scores under <paramref name="edited"/> when it differs from <see cref="Model"/> in criteria's points (per
    /// match or per occurrence) and nothing else; null for any other edit, which needs a full scoring.
    /// </summary>
    public BatchScores? TryScore(ScoringModel edited)
    {
        if (edited.Equals(Model))
        {
            return Scores;
        }

        return ChangedPointsOf(edited) is { } changed ? Rescore(changed, edited) : null;
    }

    /// <summary>Whether <see cref="TryScore"/> can score <paramref name="edited"/>: it differs in points at
    /// most.</summary>
    public bool Covers(ScoringModel edited) => edited.Equals(Model) || ChangedPointsOf(edited) is not null;

    /// <summary>The positions of the criteria whose points alone changed, or null when anything else changed.</summary>
    private int[]? ChangedPointsOf(ScoringModel edited)
    {
        if (edited.Criteria.Count != Model.Criteria.Count
            || !(Model with { Criteria = edited.Criteria }).Equals(edited))
        {
            return null;
        }

        var changed = new List<int>();
        for (var k = 0; k < edited.Criteria.Count; k++)
        {
            var before = Model.Criteria[k];
            var after = edited.Criteria[k];
            if (before.Equals(after))
            {
                continue;
            }

            if (!before.WithBasePoints(after.BasePoints).Equals(after))
            {
                return null;
            }

            changed.Add(k);
        }

        return [.. changed];
    }

    private BatchScores Rescore(int[] changed, ScoringModel edited)
    {
        var width = _evidence.CriterionCount;
        var scores = new BatchScores(_count, _aggregator.CategoryCount);
        var chunk = Math.Max(4096, _count / (Environment.ProcessorCount * 4));
        Parallel.For(0, (_count + chunk - 1) / chunk, part =>
        {
            var cuts = new int[2 * _aggregator.CategoryCount];
            var finals = new int[width];
            var end = Math.Min(_count, (part + 1) * chunk);
            for (var lead = part * chunk; lead < end; lead++)
            {
                _evidence.Finals.AsSpan(lead * width, width).CopyTo(finals);
                foreach (var k in changed)
                {
                    var factor = _evidence.Factors[(lead * width) + k];
                    finals[k] = factor == 0 ? 0 : CriterionPoints.Final(edited.Criteria[k], factor);
                }

                var totals = _aggregator.Aggregate(
                    finals,
                    _evidence.Inactivity[lead],
                    _evidence.Completeness[lead],
                    _evidence.Disqualified[lead],
                    scores.CategoryScores.AsSpan(lead * scores.CategoryCount, scores.CategoryCount),
                    cuts);
                scores.Set(lead, totals, _evidence.Disqualified[lead]);
            }
        });
        return scores;
    }
}
