using System.Security.Claims;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>A change as the change log lists it.</summary>
public sealed record ChangeEntry(int Id, DateTimeOffset At, string By, string Text, string? CriterionId, string? Why,
    long DraftVersion);

/// <summary>The change log of a model's draft: newest first, filterable by criterion and person; authors may add
/// why.</summary>
public sealed class ChangeLogRepository(IDbContextFactory<StudioDbContext> contexts, AccountCheck accounts)
{
    public async Task<IReadOnlyList<ChangeEntry>> ListAsync(int modelId, string? criterionId = null, string? by = null,
        int limit = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changes = db.Changes.AsNoTracking().Where(c => c.ModelId == modelId);
        if (criterionId is not null)
        {
            changes = changes.Where(c => c.CriterionId == criterionId);
        }

        if (by is not null)
        {
            changes = changes.Where(c => c.By == by);
        }

        return await changes.OrderByDescending(c => c.Id).Take(limit)
            .Select(c => new ChangeEntry(c.Id, c.At, c.By, c.Text, c.CriterionId, c.Why, c.DraftVersion))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The people who have changed the model, for the log's filter.</summary>
    public async Task<IReadOnlyList<string>> PeopleAsync(int modelId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Changes.Where(c => c.ModelId == modelId).Select(c => c.By).Distinct().OrderBy(b => b)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Records why a change was made; only its author may.</summary>
    public async Task<bool> SetWhyAsync(int changeId, string why, ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var change = await db.Changes.SingleOrDefaultAsync(c => c.Id == changeId, cancellationToken);
        if (change is null || change.By != StudioRoles.NameOf(await accounts.NowAsync(user)))
        {
            return false;
        }

        change.Why = string.IsNullOrWhiteSpace(why) ? null : why.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
