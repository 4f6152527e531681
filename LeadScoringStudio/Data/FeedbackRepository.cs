using System.Security.Claims;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>What sales says about a lead: accept, reject with a reason, or a later outcome.</summary>
public sealed record FeedbackInput(SalesEventKind Kind, RejectionReason? Reason = null, string? Comment = null,
    decimal? Amount = null);

/// <summary>A feedback entry as the lead's history shows it.</summary>
public sealed record FeedbackEntry(int Id, DateTimeOffset At, string By, SalesEventKind Kind, string? Reason,
    string? Comment, decimal? Amount, bool Replaced);

/// <summary>Sales feedback as the pages and tuning read it; <c>Features/Queue/FeedbackService</c> records it.</summary>
public sealed class FeedbackRepository(IDbContextFactory<StudioDbContext> contexts)
{
    public static bool MayGiveFeedback(ClaimsPrincipal user) => user.IsInRole(StudioRoles.Sales)
        || user.IsInRole(StudioRoles.Ops);

    public async Task<IReadOnlyList<FeedbackEntry>> ForLeadAsync(string leadId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Feedback.AsNoTracking().Where(f => f.LeadId == leadId).OrderBy(f => f.Id)
            .Select(f => new FeedbackEntry(f.Id, f.At, f.By, f.Kind, f.Reason, f.Comment, f.Amount,
                f.ReplacedById != null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Accepts and rejects that stand (not replaced), for the feedback summary.</summary>
    public async Task<IReadOnlyList<FeedbackFact>> FactsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Feedback.AsNoTracking()
            .Where(f => f.ReplacedById == null && (f.Kind == SalesEventKind.Accepted
                || f.Kind == SalesEventKind.Rejected))
            .ToListAsync(cancellationToken);
        return records.Select(f => new FeedbackFact(f.At, f.Kind == SalesEventKind.Accepted,
            Enum.TryParse<RejectionReason>(f.Reason, out var reason) ? reason : null, f.Cell ?? "?", f.Source
                ?? "unknown", f.LeadId)).ToList();
    }

    /// <summary>Per lead, the reason of its standing rejection (leads not rejected are left out).</summary>
    public async Task<IReadOnlyDictionary<string, RejectionReason>> RejectionReasonsByLeadAsync(
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Feedback.AsNoTracking()
            .Where(f => f.ReplacedById == null && f.Kind == SalesEventKind.Rejected)
            .OrderBy(f => f.Id)
            .Select(f => new { f.LeadId, f.Reason })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<string, RejectionReason>(StringComparer.Ordinal);
        foreach (var record in records.Where(r => Enum.TryParse<RejectionReason>(r.Reason, out _)))
        {
            result[record.LeadId] = Enum.Parse<RejectionReason>(record.Reason!);
        }

        return result;
    }

    /// <summary>Per lead, whether sales accepted it (its latest standing accept or reject), for tuning on
    /// acceptance.</summary>
    public async Task<IReadOnlyDictionary<string, bool>> AcceptanceByLeadAsync(
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Feedback.AsNoTracking()
            .Where(f => f.ReplacedById == null && (f.Kind == SalesEventKind.Accepted
                || f.Kind == SalesEventKind.Rejected))
            .OrderBy(f => f.Id)
            .Select(f => new { f.LeadId, f.Kind })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            result[record.LeadId] = record.Kind == SalesEventKind.Accepted;
        }

        return result;
    }

    /// <summary>Where a lead first came from: the source of its earliest activity that names one.</summary>
    public static string SourceOf(Lead lead) =>
        lead.Activities.OrderBy(a => a.At).Select(a => a.Property("source"))
            .FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)) ?? "unknown";
}
