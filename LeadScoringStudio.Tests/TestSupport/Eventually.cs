namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>Events reach other workbenches asynchronously: waits (up to 10 s) until what they should show is
/// there.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                Assert.Fail($"Still not true after 10 s: {what}");
            }

            await Task.Delay(10);
        }
    }
}
