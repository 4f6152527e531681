using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Segments;

/// <summary>A routing with the model that scores each of its segments (in <see cref="SegmentRouting.Segments"/>
/// order).</summary>
public sealed record RoutedModels
{
    public RoutedModels(SegmentRouting routing, IReadOnlyList<ScoringModel> models)
    {
        if (models.Count != routing.Segments.Count)
        {
            throw new ArgumentException($"{routing.Segments.Count} segments need as many models, not {models.Count}.",
                nameof(models));
        }

        Routing = routing;
        Models = models;
    }

    public SegmentRouting Routing { get; }

    public IReadOnlyList<ScoringModel> Models { get; }

    /// <summary>One model for everyone.</summary>
    public static RoutedModels Everyone(string modelKey, ScoringModel model) =>
        new(SegmentRouting.Everyone(modelKey), [model]);

    /// <summary>The segment a lead falls in and the model that scores it.</summary>
    public (int Segment, ScoringModel Model) For(Lead lead)
    {
        var segment = Routing.Route(lead);
        return (segment, Models[segment]);
    }

    /// <summary>Scores each lead of the batch with its segment's model only, in one pass: about the cost of one
    /// model's pass, not one per segment.</summary>
    public RoutedScores Score(LeadBatch batch, DateTimeOffset asOf)
    {
        var segmentOf = Routing.Route(batch);
        var products = Models.SelectMany(m => m.Categories).DistinctBy(c => c.Id).ToList();
        var column = products.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var scores = BatchScorer.ScoreRouted([.. Models.Select(m => new BatchScorer(m, batch))], segmentOf,
            [.. Models.Select(m => m.Categories.Select(c => column[c.Id]).ToArray())], products.Count, asOf);
        return new RoutedScores(this, segmentOf, scores, products);
    }
}
