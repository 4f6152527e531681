using System.Security.Claims;
using System.Text.Json;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Warehouse;
using LeadScoringStudio.Data;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Features.Warehouse;

/// <summary>The workspace's mapping as stored: the mapping, its version, and who saved it when (null before anyone
/// did, when the defaults apply).</summary>
public sealed record StoredMapping(
    WarehouseMapping Mapping, long Version, string? UpdatedBy, DateTimeOffset? UpdatedAt);

/// <summary>
/// The workspace's warehouse table mapping, set once for every model: read by anyone who may download a model's SQL,
/// changed by Ops only. A save made from an older version than the stored one is refused, never merged.
/// </summary>
public sealed class WarehouseMappings(IDbContextFactory<StudioDbContext> contexts, AccountCheck accounts,
    TimeProvider time)
{
    private const int RowId = 1;

    public static bool MayChange(ClaimsPrincipal user) => user.IsInRole(StudioRoles.Ops);

    public async Task<StoredMapping> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.WarehouseMappings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == RowId, cancellationToken);
        return row is null
            ? new StoredMapping(WarehouseMapping.Default, 0, null, null)
            : new StoredMapping(MappingJson.Read(row.Json), row.Version, row.UpdatedBy, row.UpdatedAt);
    }

    /// <summary>Saves the mapping when the user is Ops now, the names are usable and nobody saved since
    /// <paramref name="readVersion"/>.</summary>
    public async Task<SaveResult> SaveAsync(WarehouseMapping mapping, long readVersion, ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        var now = await accounts.NowAsync(user);
        if (!MayChange(now))
        {
            return new SaveResult(SaveStatus.Refused, "Only Ops changes where the warehouse keeps the leads.");
        }

        if (mapping.Problems() is { Count: > 0 } problems)
        {
            return new SaveResult(SaveStatus.Invalid, string.Join(" ", problems));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.WarehouseMappings.SingleOrDefaultAsync(m => m.Id == RowId, cancellationToken);
        if ((row?.Version ?? 0) != readVersion)
        {
            return Conflict(row);
        }

        var by = now.Identity?.Name ?? "?";
        if (row is null)
        {
            row = new WarehouseMappingRecord
            {
                Id = RowId, Json = MappingJson.Write(mapping), UpdatedBy = by, Version = 1,
            };
            db.WarehouseMappings.Add(row);
        }
        else
        {
            row.Json = MappingJson.Write(mapping);
            row.UpdatedBy = by;
        }

        row.UpdatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved between the read and this write (a first save races on the row's key).
            return Conflict(await ReadAgainAsync(cancellationToken));
        }

        return new SaveResult(SaveStatus.Saved, "The warehouse mapping is saved.", row.Version);
    }

    private async Task<WarehouseMappingRecord?> ReadAgainAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WarehouseMappings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == RowId, cancellationToken);
    }

    private static SaveResult Conflict(WarehouseMappingRecord? row) => new(SaveStatus.Conflict,
        row is null
            ? "The mapping changed while you edited it; reload it and make your change again."
            : $"{row.UpdatedBy} saved the mapping at {row.UpdatedAt:HH:mm} while you edited it; reload it and make " +
              "your change again.",
        row?.Version ?? 0);

    /// <summary>The mapping as stored: names as given, field columns as an object.</summary>
    private static class MappingJson
    {
        public static string Write(WarehouseMapping mapping) => JsonSerializer.Serialize(new Document(
            mapping.LeadsTable, mapping.LeadIdColumn,
            mapping.FieldColumns.ToDictionary(c => c.Field, c => c.Column),
            mapping.ActivitiesTable, mapping.ActivityLeadIdColumn, mapping.ActivityTypeColumn,
            mapping.OccurredAtColumn, mapping.PropertiesColumn, mapping.DbtSource));

        public static WarehouseMapping Read(string json)
        {
            var document = JsonSerializer.Deserialize<Document>(json)!;
            return new WarehouseMapping
            {
                LeadsTable = document.LeadsTable, LeadIdColumn = document.LeadIdColumn,
                FieldColumns = document.FieldColumns.Select(p => new FieldColumn(p.Key, p.Value)).ToValueList(),
                ActivitiesTable = document.ActivitiesTable, ActivityLeadIdColumn = document.ActivityLeadIdColumn,
                ActivityTypeColumn = document.ActivityTypeColumn, OccurredAtColumn = document.OccurredAtColumn,
                PropertiesColumn = document.PropertiesColumn, DbtSource = document.DbtSource,
            };
        }

        private sealed record Document(string LeadsTable, string LeadIdColumn, Dictionary<string, string> FieldColumns,
            string ActivitiesTable, string ActivityLeadIdColumn, string ActivityTypeColumn, string OccurredAtColumn,
            string PropertiesColumn, string DbtSource);
    }
}
