using LeadScoringStudio.Core.Handoff;
using LeadScoringStudio.Core.Lifecycle;

namespace LeadScoringStudio.Tests.Core.Handoff;

public class HandoffTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_signature_checks_out_only_for_the_same_secret_body_and_a_recent_timestamp()
    {
        const string body = """{"id":"1","type":"lead.accepted"}""";
        var timestamp = Now.ToUnixTimeSeconds();

        var signature = WebhookSignature.Sign("whsec_1", timestamp, body);

        Assert.Matches("^sha256=[0-9a-f]{64}$", signature);
        Assert.True(WebhookSignature.Verify("whsec_1", timestamp, body, signature, Now.AddMinutes(4)));
        Assert.False(WebhookSignature.Verify("whsec_2", timestamp, body, signature, Now));
        Assert.False(WebhookSignature.Verify("whsec_1", timestamp, body.Replace("accepted", "rejected"), signature,
            Now));
        Assert.False(WebhookSignature.Verify("whsec_1", timestamp + 1, body, signature, Now));
        Assert.False(WebhookSignature.Verify("whsec_1", timestamp, body, signature, Now.AddMinutes(6)));
    }

    [Fact]
    public void Retries_wait_twice_as_long_each_time_at_most_an_hour_and_stop_after_the_last_attempt()
    {
        var first = TimeSpan.FromSeconds(30);

        var waits = Enumerable.Range(1, DeliveryBackoff.MaxAttempts).Select(a => DeliveryBackoff.After(a, first))
            .ToList();

        Assert.Equal([30, 60, 120, 240, 480, 960, 1920, 3600, 3600], waits.Take(9).Select(w => w!.Value.TotalSeconds));
        Assert.Null(waits[^1]);
    }

    [Fact]
    public void Lifecycle_events_that_leave_the_studio_have_wire_names_that_read_back()
    {
        Assert.Equal(HandoffEventKind.BecameMql, HandoffEvents.Of(LifecycleEventKind.EnteredMql));
        Assert.Equal(HandoffEventKind.WatermarkCrossed, HandoffEvents.Of(LifecycleEventKind.CategoryWatermarkReached));
        Assert.Null(HandoffEvents.Of(LifecycleEventKind.Qualified));
        Assert.All(HandoffEvents.All, kind => Assert.Equal(kind, HandoffEvents.FromWireName(kind.WireName())));
        Assert.Equal(HandoffEvents.All.Count, HandoffEvents.All.Select(k => k.WireName()).Distinct().Count());
    }
}
