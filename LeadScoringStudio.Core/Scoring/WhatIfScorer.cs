using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// Answers "what if this criterion gave N points?" for a whole batch in milliseconds: the batch is
/// scored once, keeping per-criterion evidence; a points change then recomputes that criterion's
/// points and re-adds every lead's score, grades and cell without reading events again.
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
        Current = new BatchScorer(model, batch).Score(asOf, _evidence);
    }

    /// <summary>The model with every change so far.</summary>
    public ScoringModel Model { get; private set; }

    /// <summary>The scores under <see cref="Model"/>.</summary>
    public BatchScores Current { get; private set; }

    /// <summary>Changes one criterion's points (per match or per occurrence) and re-scores the batch.</summary>
    public BatchScores ChangePoints(string criterionId, int points)
    {
        Model = Model.WithCriterionPoints(criterionId, points);
        var k = Model.Criteria.ToList().FindIndex(c => c.Id == criterionId);
        var criterion = Model.Criteria[k];
        var width = _evidence.CriterionCount;
        var scores = new BatchScores(_count, _aggregator.CategoryCount);
        var chunk = Math.Max(4096, _count / (Environment.ProcessorCount * 4));
        Parallel.For(0, (_count + chunk - 1) / chunk, part =>
        {
            var cuts = new int[2 * _aggregator.CategoryCount];
            var end = Math.Min(_count, (part + 1) * chunk);
            for (var lead = part * chunk; lead < end; lead++)
            {
                var factor = _evidence.Factors[(lead * width) + k];
                _evidence.Finals[(lead * width) + k] = factor == 0 ? 0 : CriterionPoints.Final(criterion, factor);
                var totals = _aggregator.Aggregate(
                    _evidence.Finals.AsSpan(lead * width, width),
                    _evidence.Inactivity[lead],
                    _evidence.Completeness[lead],
                    _evidence.Disqualified[lead],
                    scores.CategoryScores.AsSpan(lead * scores.CategoryCount, scores.CategoryCount),
                    cuts);
                scores.Set(lead, totals, _evidence.Disqualified[lead]);
            }
        });
        Current = scores;
        return scores;
    }
}
