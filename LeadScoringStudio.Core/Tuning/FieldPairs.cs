using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>
/// Pairs of fields that go together differently than each alone suggests, found after a fit on single fields: the
/// outcomes of each combination of their levels set against what that fit expects (a G-test). Up to two pairs
/// among the ten strongest fields, each at least four times the deviance one expects by chance; pairs the model
/// already combines are always taken, so their criteria are re-fitted.
/// </summary>
internal static class FieldPairs
{
    private const int Strongest = 10;
    private const int MostPairs = 2;
    private const double DeviancePerDegree = 4;

    /// <param name="logOdds">The log-odds a fit on single fields gives each labelled lead (by row).</param>
    public static IReadOnlyList<(SignalGroup Group, FieldVerdict Verdict)> Choose(
        ScoringModel model, IReadOnlyList<SignalGroup> groups, IReadOnlyList<FieldVerdict> verdicts,
            Func<int, double> logOdds,
        IReadOnlyList<int> positions, IReadOnlyList<bool> labels, Split split, int minimum)
    {
        var usable = Enumerable.Range(0, groups.Count)
            .Where(g => verdicts[g].IsUsed && !groups[g].IsActivity && groups[g].Signals.Count >= 2).ToList();
        var combined = model.Criteria.OfType<AttributeCriterion>().Where(c => c.AlsoWhen.Count == 1)
            .Select(c => (usable.FirstOrDefault(g => Same(groups[g].Key, c.When.Field), -1), usable.FirstOrDefault(g =>
                Same(groups[g].Key, c.AlsoWhen[0].Field), -1)))
            .Where(p => p.Item1 >= 0 && p.Item2 >= 0 && p.Item1 != p.Item2)
            .Distinct()
            .Select(p => (A: p.Item1, B: p.Item2, Deviance: 0.0, Degrees: 0));
        var strongest = usable.OrderByDescending(g => verdicts[g].AloneAuc ?? 0).Take(Strongest).ToList();
        var probability = split.Train.ToDictionary(row => row, row => 1 / (1 + Math.Exp(-logOdds(row))));
        var found = strongest.SelectMany((a, i) => strongest.Skip(i + 1).Select(b => (A: a, B: b)))
            .AsParallel()
            .Select(p => Deviance(groups[p.A], groups[p.B], positions, labels, split.Train, probability,
                minimum) is var (deviance, degrees) ? (p.A, p.B, Deviance: deviance, Degrees: degrees) : default)
            .Where(p => p.Degrees >= 2 && p.Deviance / p.Degrees >= DeviancePerDegree)
            .OrderByDescending(p => p.Deviance / p.Degrees)
            .Take(MostPairs);
        return combined.Concat(found)
            .DistinctBy(p => (Math.Min(p.A, p.B), Math.Max(p.A, p.B)))
            .Select(p => Pair(groups[p.A], groups[p.B], verdicts[p.A], verdicts[p.B], p.Deviance, p.Degrees, minimum))
            .Where(p => p.Group.Unusable is null)
            .ToList();
    }

    private static (SignalGroup Group, FieldVerdict Verdict) Pair(
        SignalGroup a, SignalGroup b, FieldVerdict first, FieldVerdict second, double deviance, int degrees,
            int minimum)
    {
        var dimension = a.Dimension == b.Dimension
            || (first.AloneAuc ?? 0) >= (second.AloneAuc ?? 0) ? a.Dimension : b.Dimension;
        var group = Signals.ForPair(a, b, dimension, minimum);
        var reason = degrees == 0
            ? "the model combines these fields already"
            : $"together they say more than each alone (deviance {deviance:0} over {degrees} combinations)";
        return (group, new FieldVerdict(group.Key, group.Label, FieldUse.Used, null, reason) { IsCombination = true });
    }

    /// <summary>G-test deviance of the combinations' outcomes against the fitted probabilities, over combinations with
    /// enough leads.</summary>
    private static (double Deviance, int Degrees) Deviance(
        SignalGroup a, SignalGroup b, IReadOnlyList<int> positions, IReadOnlyList<bool> labels,
            IReadOnlyList<int> train,
        Dictionary<int, double> probability, int minimum)
    {
        var width = b.Signals.Count;
        var observed = new double[a.Signals.Count * width];
        var expected = new double[observed.Length];
        var count = new int[observed.Length];
        foreach (var row in train)
        {
            var (la, lb) = (a.LevelOf[positions[row]], b.LevelOf[positions[row]]);
            if (la < 0 || lb < 0)
            {
                continue;
            }

            var cell = (la * width) + lb;
            observed[cell] += labels[row] ? 1 : 0;
            expected[cell] += probability[row];
            count[cell]++;
        }

        double deviance = 0;
        var cells = 0;
        for (var cell = 0; cell < count.Length; cell++)
        {
            if (count[cell] < minimum)
            {
                continue;
            }

            cells++;
            deviance += 2 * (Term(observed[cell], expected[cell]) + Term(count[cell] - observed[cell],
                count[cell] - expected[cell]));
        }

        return (deviance, cells - 1);
    }

    private static double Term(double observed, double expected) =>
        observed <= 0 ? 0 : observed * Math.Log(observed / expected);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
