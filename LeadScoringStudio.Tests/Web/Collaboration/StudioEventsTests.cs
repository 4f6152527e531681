using LeadScoringStudio.Features.Collaboration;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadScoringStudio.Tests.Web.Collaboration;

public sealed class StudioEventsTests
{
    private readonly InProcessStudioEvents _events = new(NullLogger<InProcessStudioEvents>.Instance);

    [Fact]
    public async Task A_slow_subscriber_delays_neither_the_publisher_nor_the_others()
    {
        using var stuck = new ManualResetEventSlim();
        var fast = new TaskCompletionSource<StudioEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slow = _events.Subscribe(_ => stuck.Wait(TimeSpan.FromSeconds(30)));
        using var other = _events.Subscribe(e => fast.TrySetResult(e));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        _events.Publish(new ApprovalsChanged(1, "editor"));

        Assert.True(clock.ElapsedMilliseconds < 1000, $"publish took {clock.ElapsedMilliseconds} ms");
        var received = await fast.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new ApprovalsChanged(1, "editor"), received);
        stuck.Set();
    }

    [Fact]
    public async Task Each_subscriber_gets_events_in_order_and_a_failing_one_keeps_receiving()
    {
        var seen = new List<int>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var failing = _events.Subscribe(e =>
        {
            seen.Add(e.ModelId);
            if (e.ModelId == 3)
            {
                done.SetResult();
            }

            throw new InvalidOperationException("a dead circuit");
        });

        foreach (var model in new[] { 1, 2, 3 })
        {
            _events.Publish(new ApprovalsChanged(model, null));
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([1, 2, 3], seen);
    }
}
