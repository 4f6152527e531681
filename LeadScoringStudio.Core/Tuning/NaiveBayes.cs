namespace LeadScoringStudio.Core.Tuning;

/// <summary>The baseline a fitted model must beat: naive Bayes on the same yes/no features (Laplace smoothing), as log-odds.</summary>
public static class NaiveBayes
{
    public static double[] Scores(bool[] matrix, int width, IReadOnlyList<int> train, IReadOnlyList<bool> labels, IReadOnlyList<int> score)
    {
        var positives = train.Count(i => labels[i]);
        var negatives = train.Count - positives;
        var weights = new double[width];
        var absent = new double[width];
        for (var j = 0; j < width; j++)
        {
            double onPositive = 1, onNegative = 1;
            foreach (var i in train)
            {
                if (matrix[(i * width) + j])
                {
                    if (labels[i]) onPositive++; else onNegative++;
                }
            }

            weights[j] = Math.Log(onPositive / (positives + 2)) - Math.Log(onNegative / (negatives + 2));
            absent[j] = Math.Log(1 - (onPositive / (positives + 2))) - Math.Log(1 - (onNegative / (negatives + 2)));
        }

        var prior = Math.Log((positives + 1.0) / (negatives + 1.0));
        return score.Select(i =>
        {
            var z = prior;
            for (var j = 0; j < width; j++)
            {
                z += matrix[(i * width) + j] ? weights[j] : absent[j];
            }

            return z;
        }).ToArray();
    }
}
