using System.Collections.Concurrent;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;

namespace LeadScoringStudio.Features.Api;

/// <summary>
/// Each model's published versions, read once and kept until that model publishes again, so scoring a lead (the
/// API, the routing, the rescore) costs no database read.
/// </summary>
public sealed class PublishedModels : IDisposable
{
    private readonly ModelRepository _models;
    private readonly IDisposable _subscription;
    private readonly ConcurrentDictionary<int, Lazy<Task<IReadOnlyList<PublishedModel>>>> _versions = new();

    public PublishedModels(ModelRepository models, IStudioEvents events)
    {
        _models = models;
        _subscription = events.Subscribe(e =>
        {
            if (e is ModelPublished published)
            {
                _versions.TryRemove(published.ModelId, out _);
            }
        });
    }

    /// <summary>The model's latest published version, or the one numbered <paramref name="number"/>; null when there
    /// is none.</summary>
    public async Task<PublishedModel?> GetAsync(int modelId, int? number = null)
    {
        var loading = _versions.GetOrAdd(modelId, id => new(() => _models.PublishedVersionsAsync(id)));
        IReadOnlyList<PublishedModel> versions;
        try
        {
            versions = await loading.Value;
        }
        catch
        {
            // A failed read is not kept: the next call reads again.
            _versions.TryRemove(new KeyValuePair<int, Lazy<Task<IReadOnlyList<PublishedModel>>>>(modelId, loading));
            throw;
        }

        return number is { } n ? versions.FirstOrDefault(v => v.Number == n) : versions.FirstOrDefault();
    }

    public void Dispose() => _subscription.Dispose();
}
