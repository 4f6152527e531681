using System.Security.Claims;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>A sign-off as shown beside the draft.</summary>
public sealed record Approval(string By, string Role, DateTimeOffset At);

/// <summary>
/// Sign-offs on a draft version by Marketing and Sales members. A sign-off names the exact version it
/// was given on, so any later change to the draft voids it.
/// </summary>
public sealed class ApprovalRepository(IDbContextFactory<StudioDbContext> contexts, TimeProvider time,
    AccountCheck accounts)
{
    public async Task<IReadOnlyList<Approval>> ForAsync(int modelId, long draftVersion,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Approvals.AsNoTracking()
            .Where(a => a.ModelId == modelId && a.DraftVersion == draftVersion)
            .OrderBy(a => a.Id)
            .Select(a => new Approval(a.By, a.Role, a.At))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Signs off the draft as it is at <paramref name="draftVersion"/>; refused if it has changed since, or
    /// for Ops.</summary>
    public async Task<SaveResult> ApproveAsync(int modelId, long draftVersion, ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        if (StudioRoles.SignOffRoleOf(await accounts.NowAsync(user)) is not { } role)
        {
            return new SaveResult(SaveStatus.Refused, "Sign-off comes from Marketing and Sales.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await db.Models.Where(m => m.Id == modelId).Select(m => m.Version).SingleAsync(cancellationToken);
        if (current != draftVersion)
        {
            return new SaveResult(SaveStatus.Conflict, "The draft changed while you were looking; look at the changes and sign off again.", current);
        }

        var by = StudioRoles.NameOf(user);
        if (!await db.Approvals.AnyAsync(a => a.ModelId == modelId && a.DraftVersion == draftVersion && a.By == by,
            cancellationToken))
        {
            db.Approvals.Add(new ApprovalRecord { ModelId = modelId, DraftVersion = draftVersion, By = by, Role = role,
                At = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }

        return new SaveResult(SaveStatus.Saved, $"Signed off for {role}.", draftVersion);
    }
}
