using System.Security.Claims;
using System.Security.Cryptography;
using LeadScoringStudio.Core.Handoff;
using LeadScoringStudio.Data;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Features.Handoff;

/// <summary>A webhook as the Webhooks page lists it (never its secret).</summary>
public sealed record WebhookInfo(int Id, string Url, IReadOnlyList<HandoffEventKind> Events, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt, int Pending, int Failed);

/// <summary>A delivery as the log shows it.</summary>
public sealed record DeliveryInfo(long Id, Guid EventId, string Event, string LeadId, DeliveryStatus Status,
    int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, int? LastStatusCode, string? LastError,
    DateTimeOffset? NextAttemptAt);

/// <summary>
/// Webhooks, managed by Ops: create one (its secret is shown once), switch it off, read its delivery log and send a
/// failed delivery again. Every method asks who the user is now.
/// </summary>
public sealed class WebhookService(IDbContextFactory<StudioDbContext> contexts, AccountCheck accounts,
    TimeProvider time)
{
    public const int LogLength = 100;

    /// <summary>The new webhook's id and secret, or the sentence that says what is wrong.</summary>
    public async Task<(int Id, string Secret)?> CreateAsync(string url, IReadOnlyCollection<HandoffEventKind> events,
        ClaimsPrincipal user, Action<string> problem)
    {
        if (!await MayManageAsync(user))
        {
            problem("Only Ops manages webhooks.");
            return null;
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http"))
        {
            problem($"'{url}' is not a web address: it must start with https:// (or http://).");
            return null;
        }

        if (events.Count == 0)
        {
            problem("Choose at least one event to send.");
            return null;
        }

        var secret = "whsec_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync();
        var record = new WebhookRecord
        {
            Url = address.ToString(), Events = string.Join('|', events.Distinct().Select(e => e.WireName())),
            Secret = secret, CreatedBy = StudioRoles.NameOf(user), CreatedAt = time.GetUtcNow(),
        };
        db.Webhooks.Add(record);
        await db.SaveChangesAsync();
        return (record.Id, secret);
    }

    public async Task<IReadOnlyList<WebhookInfo>> ListAsync(ClaimsPrincipal user)
    {
        if (!await MayManageAsync(user))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync();
        var counts = await db.WebhookDeliveries.Where(d => d.Status != DeliveryStatus.Delivered)
            .GroupBy(d => new { d.WebhookId, d.Status })
            .Select(g => new { g.Key.WebhookId, g.Key.Status, Count = g.Count() })
            .ToListAsync();
        return (await db.Webhooks.AsNoTracking().OrderBy(w => w.Id).ToListAsync())
            .Select(w => new WebhookInfo(w.Id, w.Url,
                w.Events.Split('|').Select(HandoffEvents.FromWireName).OfType<HandoffEventKind>().ToList(),
                w.CreatedBy, w.CreatedAt, w.DisabledAt,
                counts.Where(c => c.WebhookId == w.Id && c.Status == DeliveryStatus.Pending).Sum(c => c.Count),
                counts.Where(c => c.WebhookId == w.Id && c.Status == DeliveryStatus.Failed).Sum(c => c.Count)))
            .ToList();
    }

    /// <summary>Switches a webhook off: nothing more is written for it, and what waits is not sent.</summary>
    public async Task<bool> DisableAsync(int id, ClaimsPrincipal user)
    {
        if (!await MayManageAsync(user))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync();
        return await db.Webhooks.Where(w => w.Id == id && w.DisabledAt == null)
            .ExecuteUpdateAsync(w => w.SetProperty(r => r.DisabledAt, time.GetUtcNow())) == 1;
    }

    /// <summary>The latest deliveries of a webhook, newest first.</summary>
    public async Task<IReadOnlyList<DeliveryInfo>> DeliveriesAsync(int webhookId, ClaimsPrincipal user)
    {
        if (!await MayManageAsync(user))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync();
        return (await db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == webhookId)
                .OrderByDescending(d => d.Id).Take(LogLength).ToListAsync())
            .Select(d => new DeliveryInfo(d.Id, d.EventId, d.Event, d.LeadId, d.Status, d.Attempts, d.CreatedAt,
                d.DeliveredAt, d.LastStatusCode, d.LastError, d.Status == DeliveryStatus.Pending
                    ? DateTimeOffset.FromUnixTimeMilliseconds(d.DueAtUnixMs)
                    : null))
            .ToList();
    }

    /// <summary>Sends a delivery again (a failed one, or a delivered one the receiver lost), as soon as the sender
    /// next looks; the event id stays the same.</summary>
    public async Task<bool> ResendAsync(long deliveryId, ClaimsPrincipal user)
    {
        if (!await MayManageAsync(user))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync();
        return await db.WebhookDeliveries.Where(d => d.Id == deliveryId && d.Status != DeliveryStatus.Pending)
            .ExecuteUpdateAsync(d => d.SetProperty(r => r.Status, DeliveryStatus.Pending)
                .SetProperty(r => r.Attempts, 0)
                .SetProperty(r => r.DueAtUnixMs, time.GetUtcNow().ToUnixTimeMilliseconds())) == 1;
    }

    private async Task<bool> MayManageAsync(ClaimsPrincipal user) =>
        StudioRoles.CanManageUsers(await accounts.NowAsync(user));
}
