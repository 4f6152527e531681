using LeadScoringStudio.Core.Leads;
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
    public async Task<IReadOnlyList<StoredLead>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Leads.AsNoTracking().OrderBy(l => l.Id).ToListAsync(cancellationToken);
        return records.Select(StoredLead.From).ToList();
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
}
