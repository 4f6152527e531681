using System.Security.Claims;
using System.Text.Json;
using LeadScoringStudio.Core.Json;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Workshops;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>A workshop as the workbench shows it: its leads (ids, in order), the votes so far, and when closed, the
/// draft version its results were taken on.</summary>
public sealed record Workshop(
    int Id, string StartedBy, DateTimeOffset StartedAt, IReadOnlyList<string> LeadIds, IReadOnlyList<Vote> Votes,
        DateTimeOffset? ClosedAt, long? TakenOnDraftVersion, ScoringModel? TakenOn);

/// <summary>Workshops on a model: start one on a set of leads, vote (again to change one's mind), close it with the
/// model it was taken on.</summary>
public sealed class WorkshopRepository(IDbContextFactory<StudioDbContext> contexts, TimeProvider time,
    AccountCheck accounts)
{
    /// <summary>Starts a workshop on the leads (1 to <see cref="WorkshopLeads.Most"/>); null when the user may not
    /// change the model or there are no leads or too many.</summary>
    public async Task<Workshop?> StartAsync(int modelId, IReadOnlyList<string> leadIds, ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        if (leadIds.Count is 0 or > WorkshopLeads.Most || !StudioRoles.CanEditModel(await accounts.NowAsync(user)))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = new WorkshopRecord { ModelId = modelId, StartedBy = StudioRoles.NameOf(user),
            StartedAt = time.GetUtcNow(), LeadIdsJson = JsonSerializer.Serialize(leadIds) };
        db.Workshops.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return ToWorkshop(record);
    }

    /// <summary>The model's open workshop, if one is running.</summary>
    public async Task<Workshop?> OpenAsync(int modelId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Workshops.AsNoTracking().Include(w => w.Votes)
            .Where(w => w.ModelId == modelId && w.ClosedAt == null)
            .OrderByDescending(w => w.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : ToWorkshop(record);
    }

    public async Task<IReadOnlyList<Workshop>> ClosedAsync(int modelId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Workshops.AsNoTracking().Include(w => w.Votes)
            .Where(w => w.ModelId == modelId && w.ClosedAt != null)
            .OrderByDescending(w => w.Id)
            .ToListAsync(cancellationToken);
        return records.Select(ToWorkshop).ToList();
    }

    /// <summary>Records (or replaces) the user's verdict on a lead of an open workshop.</summary>
    public async Task<bool> VoteAsync(int workshopId, string leadId, Verdict verdict, ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var workshop = await db.Workshops.SingleOrDefaultAsync(w => w.Id == workshopId, cancellationToken);
        if (workshop is null || workshop.ClosedAt is not null
            || !StudioRoles.CanEditModel(await accounts.NowAsync(user)) || !LeadIds(workshop).Contains(leadId))
        {
            return false;
        }

        var voter = StudioRoles.NameOf(user);
        var vote = await db.WorkshopVotes.SingleOrDefaultAsync(v => v.WorkshopId == workshopId && v.LeadId == leadId
            && v.Voter == voter, cancellationToken);
        if (vote is null)
        {
            db.WorkshopVotes.Add(new WorkshopVoteRecord { WorkshopId = workshopId, LeadId = leadId, Voter = voter,
                Verdict = verdict, At = time.GetUtcNow() });
        }
        else
        {
            vote.Verdict = verdict;
            vote.At = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Closes the workshop and keeps its results with the model (and draft version) they were taken
    /// on.</summary>
    public async Task CloseAsync(int workshopId, ScoringModel takenOn, long draftVersion,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var workshop = await db.Workshops.SingleAsync(w => w.Id == workshopId, cancellationToken);
        workshop.ClosedAt = time.GetUtcNow();
        workshop.TakenOnDraftVersion = draftVersion;
        workshop.TakenOnModel = ModelFile.Write(takenOn);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IReadOnlyList<string> LeadIds(WorkshopRecord record) =>
        JsonSerializer.Deserialize<List<string>>(record.LeadIdsJson) ?? [];

    private static Workshop ToWorkshop(WorkshopRecord record) => new(
        record.Id, record.StartedBy, record.StartedAt, LeadIds(record),
        record.Votes.OrderBy(v => v.Id).Select(v => new Vote(v.LeadId, v.Voter, v.Verdict)).ToList(),
        record.ClosedAt, record.TakenOnDraftVersion,
            record.TakenOnModel is null ? null : ModelFile.Read(record.TakenOnModel).Model);
}
