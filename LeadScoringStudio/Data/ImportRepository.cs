using System.Text.Json;
using LeadScoringStudio.Core.Import;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>The mapping remembered for a file's columns (leads columns, and the activities file's when there was one).</summary>
public sealed record SavedMapping(IReadOnlyList<ColumnMapping> Leads, ActivityFileMapping? Activities);

/// <summary>Import history, and the column mappings people used, to offer them again for files with the same columns.</summary>
public sealed class ImportRepository(IDbContextFactory<StudioDbContext> contexts, TimeProvider time)
{
    public async Task<IReadOnlyList<ImportRecord>> HistoryAsync(int limit = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Imports.AsNoTracking().OrderByDescending(i => i.Id).Take(limit).ToListAsync(cancellationToken);
    }

    public async Task<SavedMapping?> MappingForAsync(IReadOnlyList<string> columns, CancellationToken cancellationToken = default)
    {
        var key = Key(columns);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.SavedMappings.AsNoTracking().SingleOrDefaultAsync(m => m.Columns == key, cancellationToken);
        return record is null ? null : JsonSerializer.Deserialize<SavedMapping>(record.MappingJson);
    }

    public async Task RememberAsync(IReadOnlyList<string> columns, SavedMapping mapping, CancellationToken cancellationToken = default)
    {
        var key = Key(columns);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.SavedMappings.SingleOrDefaultAsync(m => m.Columns == key, cancellationToken);
        if (record is null)
        {
            record = new SavedMappingRecord { Columns = key, MappingJson = "" };
            db.SavedMappings.Add(record);
        }

        record.MappingJson = JsonSerializer.Serialize(mapping);
        record.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Key(IReadOnlyList<string> columns) => string.Join("|", columns.Select(c => c.Trim().ToLowerInvariant()));
}
