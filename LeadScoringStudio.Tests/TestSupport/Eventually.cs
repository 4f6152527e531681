namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>Events reach other workbenches (and webhooks their receivers) asynchronously: waits (up to 10 s) until
/// what they should show is there.</summary>
public static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, string what) =>
        TrueAsync(() => Task.FromResult(condition()), what);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                Assert.Fail($"Still not true after 10 s: {what}");
            }

            await Task.Delay(10);
        }
    }
}
