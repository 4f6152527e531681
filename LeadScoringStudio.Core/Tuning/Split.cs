namespace LeadScoringStudio.Core.Tuning;

/// <summary>Which leads the fit learns from and which it is judged on, and how they were chosen.</summary>
public sealed record Split(IReadOnlyList<int> Train, IReadOnlyList<int> Test, string Description)
{
    /// <summary>
    /// The latest <paramref name="testShare"/> of leads by date are held out (later leads are judged by what earlier
    /// ones taught) when at least 80 % have a date; otherwise a stratified random split with a fixed seed.
    /// </summary>
    public static Split Of(IReadOnlyList<bool> labels, IReadOnlyList<DateTimeOffset?> dates, double testShare = 0.3, int seed = 17)
    {
        var n = labels.Count;
        var dated = Enumerable.Range(0, n).Where(i => dates[i] is not null).OrderBy(i => dates[i]!.Value).ToList();
        if (n > 0 && dated.Count >= 0.8 * n)
        {
            // Leads without a date (no activity yet) can only be learned from; the latest dated ones are held out.
            var held = (int)Math.Round(n * testShare);
            var later = dated.Skip(dated.Count - held).ToList();
            var earlier = Enumerable.Range(0, n).Except(later).ToList();
            return new Split(earlier, later,
                $"time-ordered: the {later.Count:N0} leads first seen on or after {dates[later[0]]!.Value:yyyy-MM-dd} held out, {earlier.Count:N0} earlier (or undated) ones to learn from");
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
