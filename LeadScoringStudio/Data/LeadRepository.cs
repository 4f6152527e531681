using LeadScoringStudio.Core.Leads;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>
/// A stored lead as the app uses it: the lead, the outcome that counts for it (see <see cref="KnownOutcome.Of"/>) and
/// where that came from, and the story of a workshop example.
/// </summary>
public sealed record StoredLead(Lead Lead, LeadOutcome Outcome, string? ExampleStory)
{
    public OutcomeSource OutcomeSource { get; init; } =
        Outcome == LeadOutcome.Unknown ? OutcomeSource.None : OutcomeSource.Import;

    public bool IsExample => ExampleStory is not null;

    public static StoredLead From(LeadRecord record)
    {
        var outcome = KnownOutcome.Of(record.Outcome, record.SalesOutcome);
        return new StoredLead(LeadJson.Read(record.ExternalId, record.AttributesJson, record.ActivitiesJson),
            outcome.Outcome, record.ExampleStory)
        {
            OutcomeSource = outcome.Source,
        };
    }
}

/// <summary>Leads in the database.</summary>
public sealed class LeadRepository(IDbContextFactory<StudioDbContext> contexts)
{
    private const int ChunkSize = 500;

    public async Task<IReadOnlyList<StoredLead>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Leads.AsNoTracking().OrderBy(l => l.Id).ToListAsync(cancellationToken);
        return records.Select(StoredLead.From).ToList();
    }

    /// <summary>
    /// Every stored lead in storage order, a chunk at a time: the rows stream from the database and each chunk's JSON
    /// is read on every core while the next rows arrive, so memory holds a chunk or two, never the whole workspace.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<StoredLead>> ReadInChunksAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = new List<LeadRecord>(ChunkSize);
        Task<StoredLead[]>? reading = null;
        await foreach (var record in db.Leads.AsNoTracking().OrderBy(l => l.Id).AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            rows.Add(record);
            if (rows.Count < ChunkSize)
            {
                continue;
            }

            var chunk = rows;
            var next = Task.Run(() => Read(chunk), cancellationToken);
            if (reading is not null)
            {
                yield return await reading;
            }

            (reading, rows) = (next, new List<LeadRecord>(ChunkSize));
        }

        if (reading is not null)
        {
            yield return await reading;
        }

        if (rows.Count > 0)
        {
            yield return Read(rows);
        }
    }

    /// <summary>The stored leads with these ids (those that exist), read in chunks.</summary>
    public async Task<IReadOnlyList<StoredLead>> FindManyAsync(IEnumerable<string> externalIds,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = new List<StoredLead>();
        foreach (var chunk in externalIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var records = await db.Leads.AsNoTracking().Where(l => chunk.Contains(l.ExternalId))
                .ToListAsync(cancellationToken);
            found.AddRange(records.Select(StoredLead.From));
        }

        return found;
    }

    public async Task<IReadOnlySet<string>> ExternalIdsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Leads.Select(l => l.ExternalId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
    }

    public async Task<StoredLead?> FindAsync(string externalId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Leads.AsNoTracking()
            .SingleOrDefaultAsync(l => l.ExternalId == externalId, cancellationToken);
        return record is null ? null : StoredLead.From(record);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Leads.CountAsync(cancellationToken);
    }

    public async Task AddAsync(IEnumerable<StoredLead> leads, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Leads.AddRange(leads.Select(l => new LeadRecord
        {
            ExternalId = l.Lead.Id,
            Name = l.Lead.Name,
            Email = l.Lead.Email,
            Company = l.Lead.Company,
            AttributesJson = LeadJson.WriteAttributes(l.Lead.Attributes),
            ActivitiesJson = LeadJson.WriteActivities(l.Lead.Activities),
            Outcome = l.Outcome,
            ExampleStory = l.ExampleStory,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static StoredLead[] Read(List<LeadRecord> rows) =>
        rows.AsParallel().AsOrdered().Select(StoredLead.From).ToArray();
}
