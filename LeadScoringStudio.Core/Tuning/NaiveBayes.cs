namespace LeadScoringStudio.Core.Tuning;

/// <summary>The baseline a fitted model must beat: naive Bayes on the same yes/no features (Laplace smoothing), as
/// log-odds.</summary>
public static class NaiveBayes
{
    public static double[] Scores(FeatureMatrix matrix, IReadOnlyList<int> train, IReadOnlyList<bool> labels,
        IReadOnlyList<int> score)
    {
        var width = matrix.Width;
        var positives = train.Count(i => labels[i]);
        var negatives = train.Count - positives;
        var onPositive = new double[width];
        var onNegative = new double[width];
        foreach (var row in train)
        {
            foreach (var j in matrix.Row(row))
            {
                if (labels[row]) onPositive[j]++; else onNegative[j]++;
            }
        }

        // A row's log-odds: every feature's "absent" term, corrected for the features it has.
        var present = new double[width];
        var allAbsent = Math.Log((positives + 1.0) / (negatives + 1.0));
        for (var j = 0; j < width; j++)
        {
            var p = (onPositive[j] + 1) / (positives + 2);
            var q = (onNegative[j] + 1) / (negatives + 2);
            var absent = Math.Log(1 - p) - Math.Log(1 - q);
            allAbsent += absent;
            present[j] = Math.Log(p) - Math.Log(q) - absent;
        }

        return score.Select(row =>
        {
            var z = allAbsent;
            foreach (var j in matrix.Row(row))
            {
                z += present[j];
            }

            return z;
        }).ToArray();
    }
}
