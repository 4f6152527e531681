using System.Security.Claims;
using LeadScoringStudio.Core.Json;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Hosting;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadScoringStudio.Data;

/// <summary>
/// Scoring models in the database: create one, load its draft and latest published version, list the
/// versions, and publish the draft (Ops only, with a note, and with Marketing and Sales sign-off when
/// governance asks for it). Editing the draft goes through <see cref="DraftRepository"/>.
/// </summary>
public sealed class ModelRepository(
    IDbContextFactory<StudioDbContext> contexts, TimeProvider time, IOptions<GovernanceOptions> governance,
        AccountCheck accounts)
{
    /// <summary>The default model: the oldest one not archived. It scores the stored leads (their stage, the queue,
    /// the export and the API's routed default) until segments choose per lead.</summary>
    public async Task<int?> DefaultModelIdAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Models.Where(m => m.ArchivedAt == null).OrderBy(m => m.Id).Select(m => (int?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<ModelWorkspace> LoadAsync(int modelId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Models.AsNoTracking().SingleAsync(m => m.Id == modelId, cancellationToken);
        var latest = await db.PublishedModels.AsNoTracking()
            .Where(p => p.ModelId == modelId)
            .OrderByDescending(p => p.Number)
            .FirstOrDefaultAsync(cancellationToken);
        return new ModelWorkspace(ToDraft(record), latest is null ? null : ToPublished(latest));
    }

    public async Task<IReadOnlyList<PublishedModel>> PublishedVersionsAsync(int modelId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.PublishedModels.AsNoTracking()
            .Where(p => p.ModelId == modelId)
            .OrderByDescending(p => p.Number)
            .ToListAsync(cancellationToken);
        return records.Select(ToPublished).ToList();
    }

    /// <summary>Creates a model whose draft is <paramref name="model"/>; with a <paramref name="publishNote"/> it is
    /// also published as version 1.</summary>
    public async Task<int> CreateAsync(ScoringModel model, string createdBy, string? publishNote = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var taken = await db.Models.Select(m => m.Key).ToListAsync(cancellationToken);
        var record = new ModelRecord { Name = model.Name, Key = ModelKeys.For(model.Name, taken),
            DraftDocument = ModelFile.Write(model), DraftSavedBy = createdBy, DraftSavedAt = now };
        if (publishNote is not null)
        {
            record.Published.Add(new PublishedModelRecord { Number = 1, Document = record.DraftDocument,
                PublishedBy = createdBy, PublishedAt = now, Note = publishNote });
        }

        db.Models.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }

    /// <summary>Publishes the draft as the next version if it is still at <paramref name="draftVersion"/> (what the
    /// publisher saw).</summary>
    public async Task<SaveResult> PublishAsync(int modelId, long draftVersion, string note, ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        if (!StudioRoles.CanPublish(await accounts.NowAsync(user)))
        {
            return new SaveResult(SaveStatus.Refused, "Only Ops can publish a model. Ask someone in Ops to publish the draft.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return new SaveResult(SaveStatus.Invalid, "Say in a note what this version changes and why; it is how others follow the model's history.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Models.SingleAsync(m => m.Id == modelId, cancellationToken);
        if (record.Version != draftVersion)
        {
            return new SaveResult(SaveStatus.Conflict, $"{record.DraftSavedBy} changed the draft at {record.DraftSavedAt:HH:mm:ss} (UTC); look at the change before publishing.", record.Version);
        }

        if (governance.Value.RequireApproval && await MissingSignOffAsync(db, modelId, draftVersion,
            cancellationToken) is { } missing)
        {
            return new SaveResult(SaveStatus.Refused, $"This draft needs sign-off from {missing} before it can be published.", record.Version);
        }

        var number = 1 + (await db.PublishedModels.Where(p => p.ModelId == modelId)
            .MaxAsync(p => (int?)p.Number, cancellationToken) ?? 0);
        db.PublishedModels.Add(new PublishedModelRecord
        {
            ModelId = modelId, Number = number, Document = record.DraftDocument,
                PublishedBy = StudioRoles.NameOf(user), PublishedAt = time.GetUtcNow(), Note = note.Trim(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new SaveResult(SaveStatus.Saved, $"Published as version {number}.", record.Version, number);
    }

    /// <summary>The roles still to sign off this exact draft version ("Marketing and Sales", "Sales"), or null when
    /// both have.</summary>
    public static async Task<string?> MissingSignOffAsync(StudioDbContext db, int modelId, long draftVersion,
        CancellationToken cancellationToken)
    {
        var signed = await db.Approvals.Where(a => a.ModelId == modelId && a.DraftVersion == draftVersion)
            .Select(a => a.Role).Distinct().ToListAsync(cancellationToken);
        var missing = StudioRoles.SignOffRoles.Where(r => !signed.Contains(r)).ToList();
        return missing.Count == 0 ? null : string.Join(" and ", missing);
    }

    public static DraftModel ToDraft(ModelRecord record) =>
        new(record.Id, ReadDocument(record.DraftDocument, $"draft of model {record.Id}"), record.Version,
            record.DraftSavedBy, record.DraftSavedAt, record.DraftNote);

    private static PublishedModel ToPublished(PublishedModelRecord record) =>
        new(record.Number, ReadDocument(record.Document, $"published version {record.Number}"), record.PublishedBy,
            record.PublishedAt, record.Note);

    private static ScoringModel ReadDocument(string json, string what)
    {
        var result = ModelFile.Read(json);
        return result.Model ?? throw new InvalidDataException(
            $"The stored {what} cannot be read: {string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}"))}");
    }
}
