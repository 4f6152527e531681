using System.Text.Json;
using System.Text.Json.Serialization;
using LeadScoringStudio.Core.Handoff;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Scoring;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>
/// The outbox of hand-off events: each is added to the context of the change it tells (a rescore, a piece of
/// feedback), so it is committed with that change or not at all, one row per live webhook that wants it. The
/// sender (<c>Features/Handoff/WebhookSender</c>) delivers the rows.
/// </summary>
public sealed class WebhookOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly IReadOnlyList<(int Id, string[] Events)> _webhooks;
    private readonly DateTimeOffset _now;

    private WebhookOutbox(IReadOnlyList<(int Id, string[] Events)> webhooks, DateTimeOffset now) =>
        (_webhooks, _now) = (webhooks, now);

    /// <summary>The outbox for one change: the live webhooks as they are now.</summary>
    public static async Task<WebhookOutbox> OpenAsync(StudioDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var webhooks = await db.Webhooks.AsNoTracking().Where(w => w.DisabledAt == null)
            .Select(w => new { w.Id, w.Events }).ToListAsync(cancellationToken);
        return new WebhookOutbox(webhooks.Select(w => (w.Id, w.Events.Split('|'))).ToList(), now);
    }

    private static readonly JsonSerializerOptions Indented = new(Json) { WriteIndented = true };

    public static string Serialize(HandoffPayload payload, bool indented = false) =>
        JsonSerializer.Serialize(payload, indented ? Indented : Json);

    /// <summary>Adds the lifecycle event, when it is one that leaves the studio, for every webhook that wants
    /// it.</summary>
    public void Add(StudioDbContext db, LifecycleEvent change, Lead lead, LeadScore score, string? reason = null,
        decimal? amount = null)
    {
        if (HandoffEvents.Of(change.Kind) is not { } kind)
        {
            return;
        }

        var wanting = _webhooks.Where(w => w.Events.Contains(kind.WireName())).ToList();
        if (wanting.Count == 0)
        {
            return;
        }

        var payload = HandoffPayload.Of(kind, Guid.NewGuid(), change, lead, score, reason, amount);
        var body = Serialize(payload);
        foreach (var (id, _) in wanting)
        {
            db.WebhookDeliveries.Add(new WebhookDeliveryRecord
            {
                WebhookId = id, EventId = payload.Id, Event = payload.Type, LeadId = lead.Id, Body = body,
                CreatedAt = _now, DueAtUnixMs = _now.ToUnixTimeMilliseconds(),
            });
        }
    }
}
