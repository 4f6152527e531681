using System.Security.Claims;
using LeadScoringStudio.Core.Json;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>
/// Scoring models in the database: load the draft and the published version, save the draft (refusing
/// lost updates), publish a new version. Every write checks the caller's role and validates the model.
/// </summary>
public sealed class ModelRepository(IDbContextFactory<StudioDbContext> contexts, TimeProvider time)
{
    public async Task<int?> FirstModelIdAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Models.OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<ModelWorkspace> LoadAsync(int modelId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Models.AsNoTracking().SingleAsync(m => m.Id == modelId, cancellationToken);
        var latest = await db.PublishedModels.AsNoTracking()
            .Where(p => p.ModelId == modelId)
            .OrderByDescending(p => p.Number)
            .FirstOrDefaultAsync(cancellationToken);
        var draft = new DraftModel(record.Id, ReadDocument(record.DraftDocument, $"draft of model {modelId}"), record.Version, record.DraftSavedBy, record.DraftSavedAt, record.DraftNote);
        return new ModelWorkspace(draft, latest is null ? null : ToPublished(latest));
    }

    public async Task<IReadOnlyList<PublishedModel>> PublishedVersionsAsync(int modelId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.PublishedModels.AsNoTracking()
            .Where(p => p.ModelId == modelId)
            .OrderByDescending(p => p.Number)
            .ToListAsync(cancellationToken);
        return records.Select(ToPublished).ToList();
    }

    /// <summary>Creates a model whose draft is <paramref name="model"/>, not yet published.</summary>
    public async Task<int> CreateAsync(ScoringModel model, string createdBy, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = new ModelRecord
        {
            Name = model.Name,
            DraftDocument = ModelFile.Write(model),
            DraftSavedBy = createdBy,
            DraftSavedAt = time.GetUtcNow(),
        };
        db.Models.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }

    /// <summary>Saves the draft if nobody saved since <paramref name="expectedVersion"/> was loaded.</summary>
    public Task<SaveResult> SaveDraftAsync(int modelId, ScoringModel model, long expectedVersion, ClaimsPrincipal user, string? note = null, CancellationToken cancellationToken = default) =>
        StoreAsync(modelId, model, expectedVersion, user, note, publish: false, cancellationToken);

    /// <summary>Saves the draft and publishes it as the next version, with a note saying what changed and why. Ops only.</summary>
    public Task<SaveResult> PublishAsync(int modelId, ScoringModel model, long expectedVersion, string note, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        StoreAsync(modelId, model, expectedVersion, user, note, publish: true, cancellationToken);

    private async Task<SaveResult> StoreAsync(int modelId, ScoringModel model, long expectedVersion, ClaimsPrincipal user, string? note, bool publish, CancellationToken cancellationToken)
    {
        if (Refusal(user, publish) is { } refusal)
        {
            return new SaveResult(SaveStatus.Refused, refusal);
        }

        if (publish && string.IsNullOrWhiteSpace(note))
        {
            return new SaveResult(SaveStatus.Invalid, "Say in a note what this version changes and why; it is how others follow the model's history.");
        }

        var problems = ModelValidator.Validate(model);
        if (problems.Count > 0)
        {
            return new SaveResult(SaveStatus.Invalid, $"The model has {Plural(problems.Count, "problem")} to fix first, e.g. {problems[0].Message}.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Models.SingleAsync(m => m.Id == modelId, cancellationToken);
        if (record.Version != expectedVersion)
        {
            return Conflict(record);
        }

        var now = time.GetUtcNow();
        var by = StudioRoles.NameOf(user);
        record.Name = model.Name;
        record.DraftDocument = ModelFile.Write(model);
        record.DraftSavedBy = by;
        record.DraftSavedAt = now;
        record.DraftNote = note;
        int? number = null;
        if (publish)
        {
            number = 1 + (await db.PublishedModels.Where(p => p.ModelId == modelId).MaxAsync(p => (int?)p.Number, cancellationToken) ?? 0);
            db.PublishedModels.Add(new PublishedModelRecord { ModelId = modelId, Number = number.Value, Document = record.DraftDocument, PublishedBy = by, PublishedAt = now, Note = note!.Trim() });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            return Conflict(await fresh.Models.AsNoTracking().SingleAsync(m => m.Id == modelId, cancellationToken));
        }

        var message = number is { } n ? $"Published as version {n}." : "Draft saved.";
        return new SaveResult(SaveStatus.Saved, message, record.Version, number);
    }

    private static string? Refusal(ClaimsPrincipal user, bool publish) =>
        publish && !StudioRoles.CanPublish(user) ? "Only Ops can publish a model. Save the draft and ask someone in Ops to publish it."
        : !StudioRoles.CanEditModel(user) ? "Your account has no role that may change the model."
        : null;

    private static SaveResult Conflict(ModelRecord current) => new(
        SaveStatus.Conflict,
        $"{current.DraftSavedBy} saved the draft at {current.DraftSavedAt:HH:mm} (UTC) after you opened it. Nothing was overwritten: reload to see their changes, then make yours again.",
        current.Version);

    private static PublishedModel ToPublished(PublishedModelRecord record) =>
        new(record.Number, ReadDocument(record.Document, $"published version {record.Number}"), record.PublishedBy, record.PublishedAt, record.Note);

    private static ScoringModel ReadDocument(string json, string what)
    {
        var result = ModelFile.Read(json);
        return result.Model ?? throw new InvalidDataException(
            $"The stored {what} cannot be read: {string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}"))}");
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
