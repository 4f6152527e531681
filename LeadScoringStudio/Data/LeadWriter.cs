using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Core.Leads;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>What writing leads did, and the ids of the leads it inserted or changed.</summary>
public sealed record WriteSummary(int Inserted, int Updated, int ActivitiesAdded, IReadOnlyCollection<string> Changed);

/// <summary>
/// Writes leads and activities by external id, in one transaction (all or nothing, however many rows): a new id
/// inserts a lead; a known id updates the attributes the input gives (a missing value removes one) and its outcome if
/// given; activities are appended, exact repeats ignored. The input is consumed in batches, each saved and forgotten
/// before the next, so memory stays that of one batch. Every attribute that arrives becomes a field of the workspace
/// in the same transaction: as <paramref name="fields"/> describes it (an import's mapping), else named after its key
/// and typed by its values.
/// </summary>
public sealed class LeadWriter(IDbContextFactory<StudioDbContext> contexts, TimeProvider time)
{
    private const int BatchSize = 2_000;

    public async Task<WriteSummary> UpsertAsync(
        IEnumerable<ImportedLead> leads, IEnumerable<ImportedActivity> activities, ImportRecord? history = null,
        IReadOnlyList<CatalogField>? fields = null, string by = "", IProgress<int>? rowsWritten = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var arriving = new Dictionary<string, CatalogField>(StringComparer.OrdinalIgnoreCase);
        var (inserted, updated, added, written) = (0, 0, 0, 0);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in leads.Chunk(BatchSize))
        {
            var existing = await LoadAsync(db, batch.Select(l => l.Id), cancellationToken);
            foreach (var lead in batch)
            {
                if (existing.TryGetValue(lead.Id, out var record))
                {
                    updated++;
                }
                else
                {
                    record = new LeadRecord { ExternalId = lead.Id, AttributesJson = "{}", ActivitiesJson = "[]",
                        Outcome = lead.Outcome ?? LeadOutcome.Unknown };
                    db.Leads.Add(record);
                    inserted++;
                }

                var stored = LeadJson.Read(lead.Id, record.AttributesJson, record.ActivitiesJson);
                var attributes = new Dictionary<string, FieldValue>(stored.Attributes,
                    StringComparer.OrdinalIgnoreCase);
                foreach (var (field, value) in lead.Attributes)
                {
                    if (value.IsMissing)
                    {
                        attributes.Remove(field);
                        continue;
                    }

                    attributes[field] = value;
                    arriving.TryAdd(field, CatalogField.Guess(field, value.Type!.Value));
                }

                if (lead.Outcome is { } outcome)
                {
                    record.Outcome = outcome;
                }

                Store(db, record, new Lead(lead.Id, attributes, stored.Activities));
                changed.Add(lead.Id);
            }

            written = await SaveBatchAsync(db, written, batch.Length, rowsWritten, cancellationToken);
        }

        foreach (var batch in activities.Chunk(BatchSize))
        {
            var existing = await LoadAsync(db, batch.Select(a => a.LeadId).Distinct(), cancellationToken);
            foreach (var group in batch.GroupBy(a => a.LeadId))
            {
                var record = existing[group.Key];
                var lead = LeadJson.Read(group.Key, record.AttributesJson, record.ActivitiesJson);
                var list = lead.Activities.ToList();
                var known = list.Select(Signature).ToHashSet();
                foreach (var activity in group.Select(a => a.Activity).Where(a => known.Add(Signature(a))))
                {
                    list.Add(activity);
                    added++;
                }

                Store(db, record, lead with { Activities = list });
                changed.Add(group.Key);
            }

            written = await SaveBatchAsync(db, written, batch.Length, rowsWritten, cancellationToken);
        }

        await RegisterFieldsAsync(db, arriving.Values, fields ?? [], by, cancellationToken);
        if (history is not null)
        {
            history.Inserted = inserted;
            history.Updated = updated;
            history.ActivitiesAdded = added;
            db.Imports.Add(history);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new WriteSummary(inserted, updated, added, changed);
    }

    private static async Task<Dictionary<string, LeadRecord>> LoadAsync(StudioDbContext db, IEnumerable<string> ids,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, LeadRecord>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var record in await db.Leads.Where(l => chunk.Contains(l.ExternalId))
                .ToListAsync(cancellationToken))
            {
                found[record.ExternalId] = record;
            }
        }

        return found;
    }

    /// <summary>Puts the lead's attributes, activities (newest first) and contact columns on its record.</summary>
    private static void Store(StudioDbContext db, LeadRecord record, Lead lead)
    {
        record.AttributesJson = LeadJson.WriteAttributes(lead.Attributes);
        record.ActivitiesJson = LeadJson.WriteActivities(lead.Activities.OrderByDescending(a => a.At));
        record.Name = lead.Name;
        record.Email = lead.Email;
        record.Company = lead.Company;
        if (record.Id != 0)
        {
            db.Entry(record).State = EntityState.Modified;
        }
    }

    /// <summary>Saves a batch inside the transaction and forgets its entities.</summary>
    private static async Task<int> SaveBatchAsync(StudioDbContext db, int written, int rows,
        IProgress<int>? rowsWritten,
        CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        rowsWritten?.Report(written + rows);
        return written + rows;
    }

    /// <summary>Writes a field's values converted to a new type and the field's new description, in one
    /// transaction.</summary>
    public async Task RetypeAsync(string field, IReadOnlyDictionary<string, FieldValue> values, FieldRecord described,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in values.Keys.Chunk(500))
        {
            foreach (var record in await db.Leads.Where(l => chunk.Contains(l.ExternalId))
                .ToListAsync(cancellationToken))
            {
                var lead = LeadJson.Read(record.ExternalId, record.AttributesJson, record.ActivitiesJson);
                var attributes = new Dictionary<string, FieldValue>(lead.Attributes,
                    StringComparer.OrdinalIgnoreCase) { [field] = values[record.ExternalId] };
                record.AttributesJson = LeadJson.WriteAttributes(attributes);
            }
        }

        var existing = (await db.Fields.ToListAsync(cancellationToken))
            .FirstOrDefault(f => string.Equals(f.Key, described.Key, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            db.Fields.Add(described);
        }
        else
        {
            existing.Set(described.ToField());
            (existing.UpdatedAt, existing.UpdatedBy) = (described.UpdatedAt, described.UpdatedBy);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Adds the fields not in the catalog yet; an import's mapping also sets the type of a known field (its
    /// label and settings stay).</summary>
    private async Task RegisterFieldsAsync(StudioDbContext db, IEnumerable<CatalogField> fromValues,
        IReadOnlyList<CatalogField> described, string by, CancellationToken cancellationToken)
    {
        var arriving = described.Concat(fromValues).DistinctBy(f => f.Key, StringComparer.OrdinalIgnoreCase).ToList();
        if (arriving.Count == 0)
        {
            return;
        }

        var known = (await db.Fields.ToListAsync(cancellationToken))
            .ToDictionary(f => f.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var field in arriving)
        {
            if (known.TryGetValue(field.Key, out var record))
            {
                if (described.Contains(field) && record.Type != field.Type)
                {
                    (record.Type, record.UpdatedAt, record.UpdatedBy) = (field.Type, time.GetUtcNow(), by);
                    db.Entry(record).State = EntityState.Modified;
                }

                continue;
            }

            record = new FieldRecord { Key = field.Key, Label = field.Label, UpdatedAt = time.GetUtcNow(),
                UpdatedBy = by };
            record.Set(field);
            db.Fields.Add(record);
            known[field.Key] = record;
        }
    }

    private static string Signature(Activity activity) =>
        $"{activity.Type}|{activity.At.UtcTicks}|{string.Join(";", activity.Properties.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => $"{p.Key}={p.Value}"))}";
}
