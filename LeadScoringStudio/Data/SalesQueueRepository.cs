using System.Security.Claims;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>A lead's place in the funnel as the queue needs it.</summary>
public sealed record LeadState(string LeadId, Stage Stage, DateTimeOffset? StageSince, DateTimeOffset? MqlSince,
    string? AssignedTo);

/// <summary>A lead's history: stage changes with causes, and its score over time.</summary>
public sealed record LeadHistory(
    IReadOnlyList<(DateTimeOffset At, Stage From, Stage To, string Cause, string? Category)> StageChanges,
    IReadOnlyList<(DateTimeOffset At, int Fit, int Engagement, int Total, bool IsMql)> Scores);

/// <summary>The SDR queue's data: MQLs assigned to a person or in the shared pool, claiming from the pool, a lead's
/// history, and the team.</summary>
public sealed class SalesQueueRepository(IDbContextFactory<StudioDbContext> contexts, TimeProvider time,
    AccountCheck accounts)
{
    public async Task<LeadState?> StateAsync(string leadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.LeadStates.AsNoTracking().Where(s => s.LeadId == leadId)
            .Select(s => new LeadState(s.LeadId, s.Stage, s.StageSince, s.MqlSince, s.AssignedTo))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every recorded lead state, for the lead lists' funnel columns.</summary>
    public async Task<IReadOnlyList<LeadState>> AllStatesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.LeadStates.AsNoTracking()
            .Select(s => new LeadState(s.LeadId, s.Stage, s.StageSince, s.MqlSince, s.AssignedTo))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every lead's recorded stage, by lead id: the one truth the pages, the export and the API
    /// show.</summary>
    public async Task<IReadOnlyDictionary<string, Stage>> StagesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.LeadStates.AsNoTracking()
            .ToDictionaryAsync(s => s.LeadId, s => s.Stage, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>When each of these leads last became hot for each product: (lead id, category id) → the
    /// crossing.</summary>
    public async Task<IReadOnlyDictionary<(string LeadId, string Category), DateTimeOffset>> HotSinceAsync(
        IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var crossings = await db.StageChanges.AsNoTracking()
            .Where(c => leadIds.Contains(c.LeadId) && c.Kind == LifecycleEventKind.CategoryWatermarkReached
                && c.Category != null)
            .Select(c => new { c.Id, c.LeadId, c.Category, c.At }).ToListAsync(cancellationToken);
        return crossings.GroupBy(c => (c.LeadId, c.Category!))
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!.At);
    }

    /// <summary>Takes a lead from the shared pool; false when someone else has it.</summary>
    public async Task<bool> ClaimAsync(string leadId, ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        if (!FeedbackRepository.MayGiveFeedback(await accounts.NowAsync(user)))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.LeadStates.Where(s => s.LeadId == leadId && s.AssignedTo == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AssignedTo, StudioRoles.NameOf(user))
                .SetProperty(r => r.AssignedAt, time.GetUtcNow()), cancellationToken);
        return claimed == 1;
    }

    public async Task<LeadHistory> HistoryAsync(string leadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changes = await db.StageChanges.AsNoTracking().Where(c => c.LeadId == leadId).OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var scores = await db.ScorePoints.AsNoTracking().Where(p => p.LeadId == leadId).OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return new LeadHistory(
            changes.Select(c => (c.At, c.From, c.To, c.Cause, c.Category)).ToList(),
            scores.Select(p => (p.At, p.Fit, p.Engagement, p.Total, p.IsMql)).ToList());
    }

    public async Task<(IReadOnlyList<string> Members,
        int LeadsPerSdrPerMonth)> TeamAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LeadPipeline.TeamAsync(db, cancellationToken);
    }

    public async Task<bool> SetTeamAsync(IReadOnlyList<string> members, int leadsPerSdrPerMonth, ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        if (!StudioRoles.CanManageUsers(await accounts.NowAsync(user)) || leadsPerSdrPerMonth < 1)
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.TeamSettings.OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new TeamSettingsRecord();
            db.TeamSettings.Add(settings);
        }

        settings.Members = string.Join('|', members.Select(m => m.Trim()).Where(m => m.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase));
        settings.LeadsPerSdrPerMonth = leadsPerSdrPerMonth;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
