using System.Text.Json;
using LeadScoringStudio.Core.Import;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>Import history, and the mapping people used for each column name, to offer it again in any file with that
/// column.</summary>
public sealed class ImportRepository(IDbContextFactory<StudioDbContext> contexts, TimeProvider time)
{
    public async Task<IReadOnlyList<ImportRecord>> HistoryAsync(int limit = 20,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Imports.AsNoTracking().OrderByDescending(i => i.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>The remembered mapping of each of these columns that has one, by column name (any case).</summary>
    public async Task<IReadOnlyDictionary<string, ColumnMapping>> ColumnsAsync(IReadOnlyList<string> columns,
        CancellationToken cancellationToken = default)
    {
        var keys = columns.Select(Key).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.RememberedColumns.AsNoTracking().Where(r => keys.Contains(r.Column))
            .ToListAsync(cancellationToken);
        return columns
            .Select(column => (column, record: records.FirstOrDefault(r => r.Column == Key(column))))
            .Where(c => c.record is not null)
            .ToDictionary(c => c.column, c =>
                JsonSerializer.Deserialize<ColumnMapping>(c.record!.MappingJson)! with { Column = c.column },
                StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The activities-file mapping used last, when the new file has the same three columns.</summary>
    public async Task<ActivityFileMapping?> ActivitiesAsync(IReadOnlyList<string> columns,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.RememberedColumns.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Column == RememberedColumnRecord.ActivitiesKey, cancellationToken);
        var mapping = record is null ? null : JsonSerializer.Deserialize<ActivityFileMapping>(record.MappingJson);
        bool Has(string? column) => columns.Contains(column, StringComparer.OrdinalIgnoreCase);
        return mapping is not null && Has(mapping.LeadIdColumn) && Has(mapping.TypeColumn)
            && Has(mapping.AtColumn) ? mapping : null;
    }

    public async Task RememberAsync(IReadOnlyList<ColumnMapping> columns, ActivityFileMapping? activities,
        CancellationToken cancellationToken = default)
    {
        var entries = columns.Select(c => (Key: Key(c.Column), Json: JsonSerializer.Serialize(c)))
            .Concat(activities is null ? [] : [(RememberedColumnRecord.ActivitiesKey,
                JsonSerializer.Serialize(activities))])
            .DistinctBy(e => e.Key)
            .ToList();
        var keys = entries.Select(e => e.Key).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var known = await db.RememberedColumns.Where(r => keys.Contains(r.Column))
            .ToDictionaryAsync(r => r.Column, cancellationToken);
        foreach (var (key, json) in entries)
        {
            if (!known.TryGetValue(key, out var record))
            {
                record = new RememberedColumnRecord { Column = key, MappingJson = "" };
                db.RememberedColumns.Add(record);
            }

            record.MappingJson = json;
            record.UpdatedAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Key(string column) => column.Trim().ToLowerInvariant();
}
