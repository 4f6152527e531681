using LeadScoringStudio.Core.Segments;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Api;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Models;

namespace LeadScoringStudio.Features.Segments;

/// <summary>A new routing version was published: the stored leads are rescored through it.</summary>
public sealed record RoutingPublished(int Number) : StudioEvent(LeadsChanged.AnyModel, null);

/// <summary>
/// The live routing, read once and kept until a routing or a model is published or the models change. Before any
/// routing is published, the default model scores every lead.
/// </summary>
public sealed class SegmentRoutes : IDisposable
{
    private readonly RoutingRepository _routings;
    private readonly ModelCatalog _catalog;
    private readonly PublishedModels _published;
    private readonly IDisposable _subscription;
    private Task<LiveRouting?>? _loading;

    public SegmentRoutes(RoutingRepository routings, ModelCatalog catalog, PublishedModels published,
        IStudioEvents events)
    {
        _routings = routings;
        _catalog = catalog;
        _published = published;
        _subscription = events.Subscribe(e =>
        {
            if (e is ModelPublished or RoutingPublished or ModelsChanged)
            {
                Forget();
            }
        });
    }

    /// <summary>The live routing; null when no model has a published version yet.</summary>
    public Task<LiveRouting?> GetAsync() => _loading ??= LoadAsync();

    /// <summary>Resolves a routing's model keys to the models' latest published versions; null when a segment's model
    /// is gone or has none.</summary>
    public async Task<LiveRouting?> ResolveAsync(SegmentRouting routing, int number)
    {
        var models = await _catalog.ListAsync();
        var segments = new List<SegmentModel>();
        foreach (var (segment, index) in routing.Segments.Select((s, i) => (s, i)))
        {
            if (models.FirstOrDefault(m => m.Key == segment.ModelKey) is not { } model
                || await _published.GetAsync(model.Id) is not { } version)
            {
                return null;
            }

            segments.Add(new SegmentModel(index, segment, model.Id, model.Key, model.Name, version));
        }

        return new LiveRouting(number, new RoutedModels(routing, [.. segments.Select(s => s.Published.Model)]),
            segments);
    }

    /// <summary>Reads the routing again on next use: its publisher calls this at once, before the announcement
    /// reaches everyone.</summary>
    public void Forget() => _loading = null;

    public void Dispose() => _subscription.Dispose();

    private async Task<LiveRouting?> LoadAsync()
    {
        if ((await _routings.VersionsAsync()).FirstOrDefault() is { } latest)
        {
            return await ResolveAsync(latest.Routing, latest.Number);
        }

        return (await _catalog.ResolveAsync(null)) is { } fallback
            ? await ResolveAsync(SegmentRouting.Everyone(fallback.Key), 0)
            : null;
    }
}
