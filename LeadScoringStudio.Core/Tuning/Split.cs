namespace LeadScoringStudio.Core.Tuning;

/// <summary>Which leads the fit learns from and which it is judged on, and how they were chosen.</summary>
public sealed record Split(IReadOnlyList<int> Train, IReadOnlyList<int> Test, string Description)
{
    /// <summary>
    /// The latest <paramref name="testShare"/> of leads by date are held out (later leads are judged by what earlier
    /// ones taught); without dates, a stratified random split with a fixed seed.
    /// </summary>
    public static Split Of(IReadOnlyList<bool> labels, IReadOnlyList<DateTimeOffset?> dates, double testShare = 0.3, int seed = 17)
    {
        var n = labels.Count;
        if (dates.All(d => d is not null) && n > 0)
        {
            var order = Enumerable.Range(0, n).OrderBy(i => dates[i]!.Value).ToList();
            var cut = (int)Math.Round(n * (1 - testShare));
            var cutDate = cut < n ? dates[order[cut]]!.Value : dates[order[^1]]!.Value;
            return new Split(order.Take(cut).ToList(), order.Skip(cut).ToList(),
                $"time-ordered: {cut:N0} leads first seen before {cutDate:yyyy-MM-dd} to learn from, the {n - cut:N0} later ones held out");
        }

        var random = new Random(seed);
        var test = new List<int>();
        var train = new List<int>();
        foreach (var group in Enumerable.Range(0, n).GroupBy(i => labels[i]))
        {
            var shuffled = group.OrderBy(_ => random.Next()).ToList();
            var held = (int)Math.Round(shuffled.Count * testShare);
            test.AddRange(shuffled.Take(held));
            train.AddRange(shuffled.Skip(held));
        }

        return new Split(train, test, $"stratified random (seed {seed}): {train.Count:N0} to learn from, {test.Count:N0} held out");
    }
}
