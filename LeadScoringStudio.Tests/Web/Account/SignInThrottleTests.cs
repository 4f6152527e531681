using LeadScoringStudio.Features.Account;
using Microsoft.Extensions.Time.Testing;

namespace LeadScoringStudio.Tests.Web.Account;

public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void One_address_gets_ten_free_failures_then_waits_twice_as_long_each_time()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(TimeSpan.Zero, throttle.WaitFor("10.0.0.1", $"user{i}@example.com"));
            throttle.Failed("10.0.0.1", $"user{i}@example.com");
        }

        Assert.Equal(TimeSpan.FromSeconds(1), throttle.WaitFor("10.0.0.1", "anyone@example.com"));
        throttle.Failed("10.0.0.1", "another@example.com");
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.WaitFor("10.0.0.1", "anyone@example.com"));
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor("10.0.0.2", "anyone@example.com"));
    }

    [Fact]
    public void Guesses_at_an_admin_from_many_addresses_slow_down_but_never_lock_it_for_more_than_30_seconds()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < 200; i++)
        {
            throttle.Failed($"10.0.{i / 250}.{i % 250}", "Ops@Example.com");
        }

        var wait = throttle.WaitFor("192.168.1.1", "ops@example.com");
        Assert.Equal(TimeSpan.FromSeconds(30), wait);

        _time.Advance(wait);
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor("192.168.1.1", "ops@example.com"));
    }

    [Fact]
    public void A_success_clears_the_counts_and_old_failures_are_forgotten()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < 6; i++)
        {
            throttle.Failed("10.0.0.1", "sam@example.com");
        }

        Assert.True(throttle.WaitFor("10.0.0.1", "sam@example.com") > TimeSpan.Zero);
        throttle.Succeeded("10.0.0.1", "sam@example.com");
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor("10.0.0.1", "sam@example.com"));

        for (var i = 0; i < 6; i++)
        {
            throttle.Failed("10.0.0.1", "maya@example.com");
        }

        _time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor("10.0.0.1", "maya@example.com"));
    }
}
