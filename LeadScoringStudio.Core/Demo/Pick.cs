namespace LeadScoringStudio.Core.Demo;

/// <summary>Weighted random choices for the demo generator.</summary>
internal static class Pick
{
    /// <summary>One of the options, each as likely as its weight; null ones stand for "left blank".</summary>
    public static T One<T>(Random random, params (T Value, double Weight)[] options)
    {
        var roll = random.NextDouble() * options.Sum(o => o.Weight);
        foreach (var (value, weight) in options)
        {
            roll -= weight;
            if (roll < 0)
            {
                return value;
            }
        }

        return options[^1].Value;
    }

    public static T Uniform<T>(Random random, IReadOnlyList<T> options) => options[random.Next(options.Count)];

    public static bool Chance(Random random, double probability) => random.NextDouble() < probability;

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
