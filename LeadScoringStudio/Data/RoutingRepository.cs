using LeadScoringStudio.Core.Segments;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>A published routing version.</summary>
public sealed record RoutingVersion(int Number, SegmentRouting Routing, string PublishedBy,
    DateTimeOffset PublishedAt, string Note);

/// <summary>The segment routing's published versions: the latest, all of them, and adding the next one.</summary>
public sealed class RoutingRepository(IDbContextFactory<StudioDbContext> contexts)
{
    public async Task<IReadOnlyList<RoutingVersion>> VersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.RoutingVersions.AsNoTracking().OrderByDescending(r => r.Number)
            .ToListAsync(cancellationToken);
        return [.. records.Select(r => new RoutingVersion(r.Number, RoutingDocument.Read(r.Document), r.PublishedBy,
            r.PublishedAt, r.Note))];
    }

    /// <summary>Adds version <paramref name="basedOn"/> + 1; false, with nothing written, when someone published
    /// another version since <paramref name="basedOn"/> (0: none yet).</summary>
    public async Task<bool> AddAsync(SegmentRouting routing, int basedOn, string by, DateTimeOffset at, string note,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.RoutingVersions.AnyAsync(r => r.Number > basedOn, cancellationToken))
        {
            return false;
        }

        db.RoutingVersions.Add(new RoutingVersionRecord { Number = basedOn + 1,
            Document = RoutingDocument.Write(routing), PublishedBy = by, PublishedAt = at, Note = note });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique number: another publish of the same next version got there first.
            return false;
        }
    }
}
