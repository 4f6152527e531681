using System.Text;
using LeadScoringStudio.Core.Handoff;
using LeadScoringStudio.Data;
using LeadScoringStudio.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadScoringStudio.Features.Handoff;

/// <summary>
/// Delivers the outbox: every due delivery is POSTed, signed (<see cref="WebhookSignature"/>), to its webhook's URL.
/// A 2xx answer marks it delivered; anything else is tried again after <see cref="DeliveryBackoff"/>, and given up
/// (failed, re-sendable from the Webhooks page) after the last attempt. A delivery is only ever marked after its
/// answer came back, and stopping the server lets the request in flight finish, so a restart neither loses an
/// event nor sends one twice. Among several servers on one database only the holder of the webhooks lease sends; it
/// renews the lease before every request, and stops the pass when it lost it.
/// </summary>
public sealed class WebhookSender(IDbContextFactory<StudioDbContext> contexts, IHttpClientFactory clients,
    IOptions<WebhookOptions> options, Leases leases, ServerIdentity server, TimeProvider time,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string ClientName = "webhooks";
    private const int Batch = 50;

    /// <summary>Longer than any one request may take (<see cref="WebhookOptions.TimeoutSeconds"/> is at most 60), so
    /// a renewed lease never runs out while its holder waits for an answer.</summary>
    private static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(90);

    /// <summary>Two passes at once would both send the same due rows.</summary>
    private readonly SemaphoreSlim _onePass = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), time);
        do
        {
            try
            {
                while (!stoppingToken.IsCancellationRequested && await SendDueAsync(stoppingToken) == Batch)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending webhooks failed; the outbox is looked at again shortly.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends the deliveries due now (a batch at most), after any pass already going, and returns how many
    /// it tried; none when another server holds the lease.</summary>
    public async Task<int> SendDueAsync(CancellationToken stoppingToken = default)
    {
        await _onePass.WaitAsync(stoppingToken);
        try
        {
            return await SendBatchAsync(stoppingToken);
        }
        finally
        {
            _onePass.Release();
        }
    }

    private async Task<int> SendBatchAsync(CancellationToken stoppingToken)
    {
        if (!await leases.HoldAsync(Leases.Webhooks, server.Name, LeaseLength, stoppingToken))
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(stoppingToken);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var due = await db.WebhookDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending && d.DueAtUnixMs <= now)
            .OrderBy(d => d.Id).Take(Batch).ToListAsync(stoppingToken);
        var ids = due.Select(d => d.WebhookId).Distinct().ToList();
        var webhooks = await db.Webhooks.AsNoTracking().Where(w => ids.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, stoppingToken);
        foreach (var delivery in due)
        {
            if (stoppingToken.IsCancellationRequested
                || !await leases.HoldAsync(Leases.Webhooks, server.Name, LeaseLength, stoppingToken))
            {
                break;
            }

            await SendAsync(delivery, webhooks[delivery.WebhookId]);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return due.Count;
    }

    /// <summary>Stopping in good order lets go of the lease, so another server sends at once.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await leases.ReleaseAsync(Leases.Webhooks, server.Name, cancellationToken);
    }

    /// <summary>One attempt. It is not cancelled by a stopping server: its answer is recorded first.</summary>
    private async Task SendAsync(WebhookDeliveryRecord delivery, WebhookRecord webhook)
    {
        if (webhook.DisabledAt is not null)
        {
            (delivery.Status, delivery.LastError) = (DeliveryStatus.Failed, "The webhook was switched off.");
            return;
        }

        delivery.Attempts++;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(Request(delivery, webhook), timeout.Token);
            delivery.LastStatusCode = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                (delivery.Status, delivery.DeliveredAt, delivery.LastError) =
                    (DeliveryStatus.Delivered, time.GetUtcNow(), null);
                return;
            }

            Failed(delivery, $"The receiver answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            Failed(delivery, e is OperationCanceledException
                ? $"No answer within {options.Value.TimeoutSeconds} s."
                : $"Could not reach it: {e.Message}");
        }
    }

    private HttpRequestMessage Request(WebhookDeliveryRecord delivery, WebhookRecord webhook)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookHeaders.Event, delivery.Event);
        request.Headers.Add(WebhookHeaders.EventId, delivery.EventId.ToString());
        request.Headers.Add(WebhookHeaders.Timestamp,
            timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(webhook.Secret, timestamp, delivery.Body));
        return request;
    }

    private void Failed(WebhookDeliveryRecord delivery, string error)
    {
        delivery.LastError = error.Length > 1000 ? error[..1000] : error;
        if (DeliveryBackoff.After(delivery.Attempts, TimeSpan.FromMilliseconds(options.Value.FirstRetryMilliseconds))
            is { } wait)
        {
            delivery.DueAtUnixMs = (time.GetUtcNow() + wait).ToUnixTimeMilliseconds();
        }
        else
        {
            delivery.Status = DeliveryStatus.Failed;
        }
    }
}

/// <summary>The headers every delivery carries.</summary>
public static class WebhookHeaders
{
    public const string Event = "X-Studio-Event";
    public const string EventId = "X-Studio-Event-Id";
    public const string Timestamp = "X-Studio-Timestamp";
    public const string Signature = "X-Studio-Signature";
}
