using LeadScoringStudio.Core.Segments;
using LeadScoringStudio.Data;

namespace LeadScoringStudio.Features.Segments;

/// <summary>
/// The routing that scores the stored leads now: its published version (0 before any, when one model scores
/// everyone), and per segment the model and the published version that scores it.
/// </summary>
public sealed record LiveRouting(int Number, RoutedModels Routed, IReadOnlyList<SegmentModel> Segments)
{
    public SegmentRouting Routing => Routed.Routing;

    /// <summary>The segment a lead falls in, with its model and version.</summary>
    public SegmentModel For(Core.Leads.Lead lead) => Segments[Routing.Route(lead)];
}

/// <summary>A segment with the model (id, key, name) and the published version that scores its leads.</summary>
public sealed record SegmentModel(int Index, Segment Segment, int ModelId, string ModelKey, string ModelName,
    PublishedModel Published)
{
    /// <summary>The model and version, as exports and the API name them: "enterprise v3".</summary>
    public string Version => $"{ModelKey} v{Published.Number}";
}
