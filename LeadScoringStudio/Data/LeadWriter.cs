using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Core.Leads;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>What writing leads did.</summary>
public sealed record WriteSummary(int Inserted, int Updated, int ActivitiesAdded);

/// <summary>
/// Writes leads and activities by external id, in one transaction (all or nothing): a new id inserts a
/// lead; a known id updates the attributes the input gives (a missing value removes one) and its outcome
/// if given; activities are appended, exact repeats ignored. Every attribute that arrives becomes a field of
/// the workspace in the same transaction: as <paramref name="fields"/> describes it (an import's mapping), else
/// named after its key and typed by its values.
/// </summary>
public sealed class LeadWriter(IDbContextFactory<StudioDbContext> contexts, TimeProvider time)
{
    public async Task<WriteSummary> UpsertAsync(
        IReadOnlyList<ImportedLead> leads, IReadOnlyList<ImportedActivity> activities, ImportRecord? history = null,
        IReadOnlyList<CatalogField>? fields = null, string by = "", CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var ids = leads.Select(l => l.Id).Concat(activities.Select(a => a.LeadId)).ToHashSet(StringComparer.Ordinal);
        var existing = new Dictionary<string, LeadRecord>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var record in await db.Leads.Where(l => chunk.Contains(l.ExternalId))
                .ToListAsync(cancellationToken))
            {
                existing[record.ExternalId] = record;
            }
        }

        var inserted = 0;
        var updated = 0;
        var working = new Dictionary<string, (LeadRecord Record, Dictionary<string, FieldValue> Attributes,
            List<Activity> Activities)>(StringComparer.Ordinal);
        (LeadRecord Record, Dictionary<string, FieldValue> Attributes, List<Activity> Activities) Open(string id)
        {
            if (!working.TryGetValue(id, out var entry))
            {
                var record = existing[id];
                var lead = LeadJson.Read(id, record.AttributesJson, record.ActivitiesJson);
                entry = (record, new Dictionary<string, FieldValue>(lead.Attributes, StringComparer.OrdinalIgnoreCase),
                    lead.Activities.ToList());
                working[id] = entry;
            }

            return entry;
        }

        foreach (var lead in leads)
        {
            if (!existing.ContainsKey(lead.Id))
            {
                var record = new LeadRecord { ExternalId = lead.Id, AttributesJson = "{}", ActivitiesJson = "[]",
                    Outcome = lead.Outcome ?? LeadOutcome.Unknown };
                db.Leads.Add(record);
                existing[lead.Id] = record;
                working[lead.Id] = (record, new Dictionary<string, FieldValue>(StringComparer.OrdinalIgnoreCase), []);
                inserted++;
            }
            else if (!working.ContainsKey(lead.Id))
            {
                updated++;
            }

            var entry = Open(lead.Id);
            foreach (var (field, value) in lead.Attributes)
            {
                if (value.IsMissing)
                {
                    entry.Attributes.Remove(field);
                }
                else
                {
                    entry.Attributes[field] = value;
                }
            }

            if (lead.Outcome is { } outcome)
            {
                entry.Record.Outcome = outcome;
            }
        }

        var added = 0;
        foreach (var group in activities.GroupBy(a => a.LeadId))
        {
            var entry = Open(group.Key);
            var known = entry.Activities.Select(Signature).ToHashSet();
            foreach (var activity in group.Select(a => a.Activity).Where(a => known.Add(Signature(a))))
            {
                entry.Activities.Add(activity);
                added++;
            }
        }

        foreach (var (id, (record, attributes, list)) in working)
        {
            var lead = new Lead(id, attributes, list);
            record.AttributesJson = LeadJson.WriteAttributes(attributes);
            record.ActivitiesJson = LeadJson.WriteActivities(list.OrderByDescending(a => a.At));
            record.Name = lead.Name;
            record.Email = lead.Email;
            record.Company = lead.Company;
            if (record.Id != 0)
            {
                db.Entry(record).State = EntityState.Modified;
            }
        }

        await RegisterFieldsAsync(db, leads, fields ?? [], by, cancellationToken);
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
        return new WriteSummary(inserted, updated, added);
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
    private async Task RegisterFieldsAsync(StudioDbContext db, IReadOnlyList<ImportedLead> leads,
        IReadOnlyList<CatalogField> described, string by, CancellationToken cancellationToken)
    {
        var arriving = described.Concat(leads.SelectMany(l => l.Attributes)
                .Where(a => !a.Value.IsMissing)
                .DistinctBy(a => a.Key, StringComparer.OrdinalIgnoreCase)
                .Select(a => CatalogField.Guess(a.Key, a.Value.Type!.Value)))
            .DistinctBy(f => f.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
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
