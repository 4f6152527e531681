namespace LeadScoringStudio.Core.Tuning;

/// <summary>A fitted logistic model: an intercept and one coefficient (log-odds effect) per feature, with standard errors.</summary>
public sealed record LogisticFit(double Intercept, IReadOnlyList<double> Coefficients, IReadOnlyList<double> StandardErrors)
{
    public double LogOdds(ReadOnlySpan<int> active)
    {
        var z = Intercept;
        foreach (var j in active)
        {
            z += Coefficients[j];
        }

        return z;
    }
}

/// <summary>
/// L2-regularised logistic regression on yes/no features, fitted by Newton's method. Rows with the same
/// features are folded together first (yes/no features repeat a lot), and each pattern's work grows with
/// its own "yes" features, not with all features, which keeps 100,000 leads fast.
/// </summary>
public static class LogisticRegression
{
    public static LogisticFit Fit(FeatureMatrix matrix, IReadOnlyList<int> rows, IReadOnlyList<bool> labels, double lambda = 1.0, int iterations = 30)
    {
        var patterns = new Dictionary<int[], (double Positives, double Total)>(PatternComparer.Instance);
        foreach (var row in rows)
        {
            var key = matrix.Row(row).ToArray();
            patterns.TryGetValue(key, out var p);
            patterns[key] = (p.Positives + (labels[row] ? 1 : 0), p.Total + 1);
        }

        var groups = patterns.Select(p => (Active: p.Key, p.Value.Positives, p.Value.Total)).ToArray();
        var width = matrix.Width;
        var size = width + 1; // intercept last
        var beta = new double[size];
        double[] factor = [];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var (gradient, hessian) = Accumulate(groups, beta, width);
            for (var j = 0; j < width; j++)
            {
                gradient[j] -= lambda * beta[j];
                hessian[(j * size) + j] += lambda;
            }

            hessian[(width * size) + width] += 1e-9;
            factor = Cholesky(hessian, size);
            var step = Solve(factor, gradient, size);
            var change = 0.0;
            for (var j = 0; j < size; j++)
            {
                beta[j] += step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }

            if (change < 1e-6)
            {
                break;
            }
        }

        // Standard errors from the inverse Hessian's diagonal, one factorisation for all features.
        var errors = new double[width];
        Parallel.For(0, width, j =>
        {
            var unit = new double[size];
            unit[j] = 1;
            errors[j] = Math.Sqrt(Math.Max(0, Solve(factor, unit, size)[j]));
        });
        return new LogisticFit(beta[width], beta[..width], errors);
    }

    /// <summary>Gradient and Hessian of the log-likelihood, summed over the patterns in parallel.</summary>
    private static (double[] Gradient, double[] Hessian) Accumulate((int[] Active, double Positives, double Total)[] groups, double[] beta, int width)
    {
        var size = width + 1;
        var gradient = new double[size];
        var hessian = new double[size * size];
        var gate = new Lock();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, groups.Length, Math.Max(256, groups.Length / (4 * Environment.ProcessorCount))),
            () => (G: new double[size], H: new double[size * size]),
            (range, _, local) =>
            {
                for (var g = range.Item1; g < range.Item2; g++)
                {
                    var (active, positives, total) = groups[g];
                    var z = beta[width];
                    foreach (var j in active)
                    {
                        z += beta[j];
                    }

                    var p = 1 / (1 + Math.Exp(-z));
                    var residual = positives - (total * p);
                    var weight = total * p * (1 - p);
                    local.G[width] += residual;
                    local.H[(width * size) + width] += weight;
                    foreach (var j in active)
                    {
                        local.G[j] += residual;
                        local.H[(j * size) + width] += weight;
                        local.H[(width * size) + j] += weight;
                        var rowStart = j * size;
                        foreach (var k in active)
                        {
                            local.H[rowStart + k] += weight;
                        }
                    }
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    for (var i = 0; i < size; i++)
                    {
                        gradient[i] += local.G[i];
                    }

                    for (var i = 0; i < hessian.Length; i++)
                    {
                        hessian[i] += local.H[i];
                    }
                }
            });
        return (gradient, hessian);
    }

    /// <summary>The lower-triangular L with L Lᵀ = H, for a symmetric positive-definite H.</summary>
    private static double[] Cholesky(double[] h, int n)
    {
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = h[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[(i * n) + k] * l[(j * n) + k];
                }

                l[(i * n) + j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[(j * n) + j];
            }
        }

        return l;
    }

    /// <summary>Solves L Lᵀ x = g.</summary>
    private static double[] Solve(double[] l, double[] g, int n)
    {
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = g[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[(i * n) + k] * y[k];
            }

            y[i] = sum / l[(i * n) + i];
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[(k * n) + i] * x[k];
            }

            x[i] = sum / l[(i * n) + i];
        }

        return x;
    }

    private sealed class PatternComparer : IEqualityComparer<int[]>
    {
        public static PatternComparer Instance { get; } = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] pattern)
        {
            var hash = new HashCode();
            foreach (var j in pattern)
            {
                hash.Add(j);
            }

            return hash.ToHashCode();
        }
    }
}
