using System.Security.Claims;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Features.Models;

/// <summary>A model as the picker and the API list it.</summary>
public sealed record ModelEntry(int Id, string Key, string Name, bool IsDefault);

/// <summary>What a new model starts from.</summary>
public enum ModelOrigin
{
    /// <summary>The starter's fields, activity types, bands and actions, with no criteria.</summary>
    Blank,
    Starter,
    Copy,
}

/// <summary>Models were created, renamed or archived: pickers reload.</summary>
public sealed record ModelsChanged() : StudioEvent(LeadsChanged.AnyModel, null);

/// <summary>
/// The workspace's models: list them, find one by its key (else the default), create one (blank, from the starter,
/// or as a copy of another's draft; Marketing and Ops), rename (Marketing and Ops) and archive (Ops; never the
/// default). Each model has its own draft, versions, sign-off, change log and workshops; a new one starts published
/// as version 1, so it can be compared at once.
/// </summary>
public sealed class ModelCatalog(IDbContextFactory<StudioDbContext> contexts, ModelRepository models,
    RoutingRepository routings, IStudioEvents events, AccountCheck accounts, TimeProvider time)
{
    public async Task<IReadOnlyList<ModelEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var live = await db.Models.AsNoTracking().Where(m => m.ArchivedAt == null).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Key, m.Name }).ToListAsync(cancellationToken);
        return live.Select((m, i) => new ModelEntry(m.Id, m.Key, m.Name, i == 0)).ToList();
    }

    /// <summary>The live model with this key; the default model when there is no key or no such model.</summary>
    public async Task<ModelEntry?> ResolveAsync(string? key, CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(cancellationToken);
        return all.FirstOrDefault(m => m.Key == key) ?? all.FirstOrDefault();
    }

    /// <summary>The live model with exactly this key, or null.</summary>
    public async Task<ModelEntry?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(m => m.Key == key);

    public async Task<(SaveResult Result, ModelEntry? Created)> CreateAsync(string name, ModelOrigin origin,
        int? copyOf, ClaimsPrincipal user)
    {
        if (await RefusalAsync(user, name) is { } refused)
        {
            return (refused, null);
        }

        var starter = StarterModel.Create() with { Name = name.Trim() };
        var (model, from) = origin switch
        {
            ModelOrigin.Copy when copyOf is { } id && (await ListAsync()).FirstOrDefault(m => m.Id == id) is { } source
                => ((await models.LoadAsync(id)).Draft.Model with { Name = name.Trim() }, $"a copy of {source.Name}"),
            ModelOrigin.Copy => (null, ""),
            ModelOrigin.Blank => (starter with { Criteria = [], Disqualifiers = [], Categories = [] }, "blank"),
            _ => (starter, "from the starter model"),
        };
        if (model is null)
        {
            return (new SaveResult(SaveStatus.Invalid, "Choose the model to copy."), null);
        }

        var created = await models.CreateAsync(model, StudioRoles.NameOf(user), $"Created {from}.");
        events.Publish(new ModelsChanged());
        return (new SaveResult(SaveStatus.Saved, $"“{name.Trim()}” is created ({from})."),
            (await ListAsync()).Single(m => m.Id == created));
    }

    public async Task<SaveResult> RenameAsync(int id, string name, ClaimsPrincipal user)
    {
        if (await RefusalAsync(user, name) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync();
        var renamed = await db.Models.Where(m => m.Id == id && m.ArchivedAt == null)
            .ExecuteUpdateAsync(m => m.SetProperty(r => r.Name, name.Trim()));
        events.Publish(new ModelsChanged());
        return renamed == 1
            ? new SaveResult(SaveStatus.Saved, $"Renamed to “{name.Trim()}”; its address stays the same.")
            : new SaveResult(SaveStatus.Invalid, "That model is archived or gone.");
    }

    /// <summary>Archives a model (Ops): it leaves the picker and the API and keeps its history. The default model and
    /// any model the live routing scores a segment with cannot be archived.</summary>
    public async Task<SaveResult> ArchiveAsync(int id, ClaimsPrincipal user)
    {
        if (!StudioRoles.CanPublish(await accounts.NowAsync(user)))
        {
            return new SaveResult(SaveStatus.Refused, "Only Ops archives models.");
        }

        if (await models.DefaultModelIdAsync() == id)
        {
            return new SaveResult(SaveStatus.Invalid,
                "This is the default model: it scores every stored lead, so it cannot be archived.");
        }

        if ((await routings.VersionsAsync()).FirstOrDefault() is { } live
            && (await ListAsync()).FirstOrDefault(m => m.Id == id) is { } entry
            && live.Routing.Segments.FirstOrDefault(s => s.ModelKey == entry.Key) is { } segment)
        {
            return new SaveResult(SaveStatus.Invalid,
                $"The segment '{segment.Name}' is scored by this model; route it to another model first.");
        }

        await using var db = await contexts.CreateDbContextAsync();
        await db.Models.Where(m => m.Id == id)
            .ExecuteUpdateAsync(m => m.SetProperty(r => r.ArchivedAt, time.GetUtcNow()));
        events.Publish(new ModelsChanged());
        return new SaveResult(SaveStatus.Saved, "Archived: it is no longer offered, and its history is kept.");
    }

    private async Task<SaveResult?> RefusalAsync(ClaimsPrincipal user, string name)
    {
        var now = await accounts.NowAsync(user);
        if (!now.IsInRole(StudioRoles.Marketing) && !now.IsInRole(StudioRoles.Ops))
        {
            return new SaveResult(SaveStatus.Refused, "Only Marketing and Ops create and rename models.");
        }

        return string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200
            ? new SaveResult(SaveStatus.Invalid, "Give the model a name of 1 to 200 characters.")
            : null;
    }
}
