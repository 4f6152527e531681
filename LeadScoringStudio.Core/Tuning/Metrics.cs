namespace LeadScoringStudio.Core.Tuning;

/// <summary>Precision, recall and F1 of a yes/no rule (here: "is an MQL") against known outcomes.</summary>
public sealed record Confusion(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>How well scores rank and a rule picks the leads that turned out well.</summary>
public static class Metrics
{
    /// <summary>ROC AUC: the chance a random positive scores above a random negative (ties count half). 0.5 without both kinds.</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var sorted = scores.ToArray();
        var order = Enumerable.Range(0, sorted.Length).ToArray();
        Array.Sort(sorted, order);
        double rankSum = 0;
        var positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && sorted[end + 1] == sorted[start])
            {
                end++;
            }

            var rank = (start + end + 2) / 2.0;
            for (var k = start; k <= end; k++)
            {
                if (labels[order[k]])
                {
                    rankSum += rank;
                    positives++;
                }
            }

            start = end + 1;
        }

        var negatives = scores.Count - positives;
        return positives == 0 || negatives == 0 ? 0.5 : (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    public static Confusion Confusion(IReadOnlyList<bool> predicted, IReadOnlyList<bool> labels)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            switch ((predicted[i], labels[i]))
            {
                case (true, true): tp++; break;
                case (true, false): fp++; break;
                case (false, true): fn++; break;
                default: tn++; break;
            }
        }

        return new Confusion(tp, fp, fn, tn);
    }

    /// <summary>The ROC curve: (false-positive rate, true-positive rate) as the threshold falls, from (0,0) to (1,1).</summary>
    public static IReadOnlyList<(double X, double Y)> Roc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels) =>
        Sweep(scores, labels, (tp, fp, positives, negatives, _) => (negatives == 0 ? 0 : (double)fp / negatives, positives == 0 ? 0 : (double)tp / positives));

    /// <summary>Cumulative gain: share of all positives found when contacting the top share of leads by score.</summary>
    public static IReadOnlyList<(double X, double Y)> Gain(IReadOnlyList<double> scores, IReadOnlyList<bool> labels) =>
        Sweep(scores, labels, (tp, _, positives, _, contacted) => ((double)contacted / Math.Max(1, scores.Count), positives == 0 ? 0 : (double)tp / positives));

    private static IReadOnlyList<(double X, double Y)> Sweep(
        IReadOnlyList<double> scores, IReadOnlyList<bool> labels, Func<int, int, int, int, int, (double, double)> point)
    {
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        var points = new List<(double, double)> { (0, 0) };
        int tp = 0, fp = 0;
        for (var k = 0; k < order.Length; k++)
        {
            if (labels[order[k]]) tp++; else fp++;
            if (k == order.Length - 1 || scores[order[k + 1]] != scores[order[k]])
            {
                points.Add(point(tp, fp, positives, negatives, k + 1));
            }
        }

        return points;
    }

    /// <summary>Observed rate of the outcome per tenth of the leads by score (lowest tenth first), with the mean score of each tenth.</summary>
    public static IReadOnlyList<(double MeanScore, double ObservedRate, int Count)> ByDecile(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        return Enumerable.Range(0, 10)
            .Select(d => order.Skip(d * order.Length / 10).Take(((d + 1) * order.Length / 10) - (d * order.Length / 10)).ToArray())
            .Where(part => part.Length > 0)
            .Select(part => (part.Average(i => scores[i]), part.Average(i => labels[i] ? 1.0 : 0.0), part.Length))
            .ToList();
    }
}
