using System.Numerics;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>A fitted logistic model: an intercept and one coefficient (log-odds effect) per feature, with standard
/// errors.</summary>
public sealed record LogisticFit(double Intercept, IReadOnlyList<double> Coefficients,
    IReadOnlyList<double> StandardErrors)
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
    /// <param name="tolerance">Newton steps stop once no coefficient moves more than this (a point is worth about
    /// 0.03).</param>
    public static LogisticFit Fit(FeatureMatrix matrix, IReadOnlyList<int> rows, IReadOnlyList<bool> labels,
        double lambda = 1.0, double tolerance = 1e-5, int iterations = 30)
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

            if (change < tolerance)
            {
                break;
            }
        }

        return new LogisticFit(beta[width], beta[..width], StandardErrors(factor, size)[..width]);
    }

    /// <summary>Gradient and Hessian of the log-likelihood, summed over the patterns in parallel.</summary>
    private static (double[] Gradient, double[] Hessian) Accumulate((int[] Active, double Positives,
        double Total)[] groups, double[] beta, int width)
    {
        var size = width + 1;
        var gradient = new double[size];
        var hessian = new double[size * size];
        var gate = new Lock();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, groups.Length,
            Math.Max(256, groups.Length / (4 * Environment.ProcessorCount))),
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
            var rowI = l.AsSpan(i * n, i);
            for (var j = 0; j <= i; j++)
            {
                var sum = h[(i * n) + j] - Dot(rowI[..j], l.AsSpan(j * n, j));
                l[(i * n) + j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[(j * n) + j];
            }
        }

        return l;
    }

    /// <summary>Solves L Lᵀ x = g: forward along L's rows, then back with updates along the same rows (both
    /// contiguous).</summary>
    private static double[] Solve(double[] l, double[] g, int n)
    {
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = (g[i] - Dot(l.AsSpan(i * n, i), y.AsSpan(0, i))) / l[(i * n) + i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            y[i] /= l[(i * n) + i];
            var row = l.AsSpan(i * n, i);
            for (var k = 0; k < i; k++)
            {
                y[k] -= row[k] * y[i];
            }
        }

        return y;
    }

    /// <summary>
    /// Square roots of the diagonal of H⁻¹ = L⁻ᵀ L⁻¹: column j of L⁻¹ by forward substitution from row j, its squares
    /// summed. Columns are independent, so they run in parallel.
    /// </summary>
    private static double[] StandardErrors(double[] l, int n)
    {
        var errors = new double[n];
        Parallel.For(0, n, () => new double[n], (j, _, column) =>
        {
            Array.Clear(column);
            var sum = 0.0;
            for (var i = j; i < n; i++)
            {
                var value = ((i == j ? 1 : 0) - Dot(l.AsSpan((i * n) + j, i - j),
                    column.AsSpan(j, i - j))) / l[(i * n) + i];
                column[i] = value;
                sum += value * value;
            }

            errors[j] = Math.Sqrt(sum);
            return column;
        }, _ => { });
        return errors;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = Vector<double>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            sum += new Vector<double>(a[i..]) * new Vector<double>(b[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
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
