using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;

namespace LeadScoringStudio.Features.Api;

/// <summary>
/// The published versions the API scores with, read once and kept until a new version is published, so
/// scoring a lead costs no database read.
/// </summary>
public sealed class PublishedModels : IDisposable
{
    private readonly ModelRepository _models;
    private readonly IDisposable _subscription;
    private Task<(int ModelId, IReadOnlyList<PublishedModel> Versions)?>? _loading;

    public PublishedModels(ModelRepository models, IStudioEvents events)
    {
        _models = models;
        _subscription = events.Subscribe(e =>
        {
            if (e is ModelPublished)
            {
                _loading = null;
            }
        });
    }

    /// <summary>The latest published version, or the one numbered <paramref name="number"/>; null when there is none.</summary>
    public async Task<PublishedModel?> GetAsync(int? number = null)
    {
        var loaded = await (_loading ??= LoadAsync());
        return loaded is not { } found ? null : number is { } n ? found.Versions.FirstOrDefault(v => v.Number == n) : found.Versions.FirstOrDefault();
    }

    public void Dispose() => _subscription.Dispose();

    private async Task<(int, IReadOnlyList<PublishedModel>)?> LoadAsync() =>
        await _models.DefaultModelIdAsync() is { } id ? (id, await _models.PublishedVersionsAsync(id)) : null;
}
