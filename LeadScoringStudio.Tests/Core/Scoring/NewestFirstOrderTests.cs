using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Tests.Core.Scoring;

public class NewestFirstOrderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(500)]
    public void Activities_come_newest_first_with_equal_times_in_their_given_order(int count)
    {
        var random = new Random(count);
        var order = new NewestFirstOrder();
        foreach (var kind in new[] { "shuffled", "oldest first", "newest first" })
        {
            // Whole days only, so many activities share a moment, as in an export that keeps dates.
            var days = Enumerable.Range(0, count).Select(_ => random.Next(0, 1 + (count / 3))).ToList();
            days = kind switch
            {
                "oldest first" => [.. days.Order()],
                "newest first" => [.. days.OrderDescending()],
                _ => days,
            };
            var activities = days.Select(day => new Activity("visit", Start.AddDays(day))).ToList();

            order.Order(activities);

            var expected = Enumerable.Range(0, count).OrderByDescending(i => activities[i].At).ToList();
            Assert.Equal(expected, order.From.ToArray());
            Assert.Equal(expected.Select(i => activities[i].At.UtcTicks), order.Ticks.ToArray());
        }
    }
}
