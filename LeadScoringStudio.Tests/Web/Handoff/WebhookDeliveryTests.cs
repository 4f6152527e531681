using System.Text.Json;
using LeadScoringStudio.Core.Handoff;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Api;
using LeadScoringStudio.Features.Handoff;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Features.Pipeline;
using LeadScoringStudio.Features.Queue;
using LeadScoringStudio.Tests.TestSupport;
using LeadScoringStudio.Tests.Web.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Handoff;

/// <summary>The app with a real webhook sender, telling a receiver on a loopback port about sales feedback.</summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Webhooks:PollMilliseconds"] = "50",
        ["Webhooks:FirstRetryMilliseconds"] = "300",
    };

    private readonly TestStorage _storage = new(leadCount: 40);
    private LoopbackReceiver _receiver = default!;

    public async Task InitializeAsync() => _receiver = await LoopbackReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _storage.Dispose();
    }

    [Fact]
    public async Task An_accept_is_delivered_signed_and_a_failing_receiver_gets_it_again_after_a_growing_wait()
    {
        await using var app = await StartAsync();
        var secret = await AddWebhookAsync(app, HandoffEventKind.Accepted);
        _receiver.FailFirst = 2;

        var lead = await AcceptAnMqlAsync(app);

        await Eventually.TrueAsync(() => _receiver.Received.Count >= 3, "three attempts arrived");
        var attempts = _receiver.Received.ToList();
        Assert.Single(attempts.Select(a => a.Headers[WebhookHeaders.EventId]).Distinct());
        Assert.All(attempts, a => Assert.True(WebhookSignature.Verify(secret,
            long.Parse(a.Headers[WebhookHeaders.Timestamp]), a.Body, a.Headers[WebhookHeaders.Signature],
            DateTimeOffset.UtcNow)));
        Assert.True(attempts[2].At - attempts[1].At > attempts[1].At - attempts[0].At,
            "the second wait is longer than the first");
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(250), "the first wait is kept");
        using var body = JsonDocument.Parse(attempts[0].Body);
        Assert.Equal(("lead.accepted", lead, "MQL", "SAL"), (body.RootElement.GetProperty("type").GetString(),
            body.RootElement.GetProperty("lead").GetProperty("id").GetString(),
            body.RootElement.GetProperty("fromStage").GetString(),
            body.RootElement.GetProperty("toStage").GetString()));
        await Eventually.TrueAsync(async () => (await DeliveriesAsync(app)).Single() is
            { Status: DeliveryStatus.Delivered, Attempts: 3, LastStatusCode: 200 }, "the delivery is marked delivered");
    }

    [Fact]
    public async Task A_restart_during_delivery_loses_no_event_and_sends_none_twice()
    {
        string[] leads;
        await using (var first = await StartAsync())
        {
            await AddWebhookAsync(first, HandoffEventKind.Accepted);
            _receiver.Delay = TimeSpan.FromMilliseconds(400);
            leads = [await AcceptAnMqlAsync(first), await AcceptAnMqlAsync(first), await AcceptAnMqlAsync(first)];
            await Eventually.TrueAsync(() => !_receiver.Received.IsEmpty, "the first delivery began");
        }

        var beforeRestart = _receiver.Received.Count;
        _receiver.Delay = TimeSpan.Zero;
        await using var second = new StudioApp(_storage, realPort: false, FastRetries);
        _ = second.Server; // the accounts are in the database already

        await Eventually.TrueAsync(async () => (await DeliveriesAsync(second))
            .All(d => d.Status == DeliveryStatus.Delivered), "every delivery is marked delivered");
        Assert.True(beforeRestart < 3, "the restart came while deliveries were still waiting");
        var received = _receiver.Received.ToList();
        Assert.Equal(3, received.Count);
        Assert.Equal(3, received.Select(r => r.Headers[WebhookHeaders.EventId]).Distinct().Count());
        Assert.Equal(leads.Order(), received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("lead")
            .GetProperty("id").GetString()!).Order());
    }

    private async Task<StudioApp> StartAsync()
    {
        var app = new StudioApp(_storage, realPort: false, FastRetries);
        await app.AddTestAccountsAsync();
        return app;
    }

    private async Task<string> AddWebhookAsync(StudioApp app, HandoffEventKind kind)
    {
        var created = await app.Services.GetRequiredService<WebhookService>().CreateAsync(_receiver.Url, [kind],
            Principals.Ops, problem => Assert.Fail(problem));
        return created!.Value.Secret;
    }

    /// <summary>Accepts an MQL nobody has accepted yet and returns its id.</summary>
    private static async Task<string> AcceptAnMqlAsync(StudioApp app)
    {
        await app.Services.GetRequiredService<PipelineRunner>().RunNowAsync();
        var states = await app.Services.GetRequiredService<SalesQueueRepository>().AllStatesAsync();
        var leads = await app.Services.GetRequiredService<LeadLibrary>().GetAsync();
        var mql = states.First(s => s.Stage == Stage.Mql);
        var lead = leads.Leads[leads.PositionOf(mql.LeadId)!.Value].Lead;
        var result = await app.Services.GetRequiredService<FeedbackService>().RecordAsync(
            lead, await PublishedVersions.OfLeadAsync(app.Services, lead),
            new FeedbackInput(SalesEventKind.Accepted), Principals.Sales);
        Assert.True(result.Succeeded, result.Message);
        return mql.LeadId;
    }

    private static async Task<IReadOnlyList<WebhookDeliveryRecord>> DeliveriesAsync(StudioApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>()
            .CreateDbContextAsync();
        return await db.WebhookDeliveries.AsNoTracking().ToListAsync();
    }
}
