using System.Numerics;
using System.Runtime.CompilerServices;

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
    /// <param name="start">Coefficients to start from (a fit on fewer features, the rest at 0), so Newton needs fewer
    /// steps.</param>
    public static LogisticFit Fit(FeatureMatrix matrix, IReadOnlyList<int> rows, IReadOnlyList<bool> labels,
        double lambda = 1.0, double tolerance = 1e-4, int iterations = 30, LogisticFit? start = null)
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
        if (start is not null)
        {
            start.Coefficients.Take(width).ToArray().CopyTo(beta, 0);
            beta[width] = start.Intercept;
        }
        else
        {
            var positives = groups.Sum(g => g.Positives);
            var total = groups.Sum(g => g.Total);
            beta[width] = Math.Log((positives + 0.5) / (total - positives + 0.5)); // the overall odds
        }

        // Newton's method, with the Hessian factorised at the start (the overall odds, or the fit started from) and
        // again only when steps stop halving: it changes little on the way, and factorising it (n³/3 for n features)
        // costs far more than a gradient.
        double[] factor = [];
        var lastChange = double.MaxValue;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var (gradient, hessian) = Accumulate(groups, beta, width, withHessian: factor.Length == 0);
            for (var j = 0; j < width; j++)
            {
                gradient[j] -= lambda * beta[j];
            }

            if (hessian is not null)
            {
                factor = Factorise(hessian, width, lambda);
            }

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

            if (change > lastChange / 2)
            {
                factor = []; // the old Hessian no longer leads well: factorise again next step
            }

            lastChange = change;
        }

        // Standard errors need the Hessian where the fit ended.
        var final = Factorise(Accumulate(groups, beta, width, withHessian: true).Hessian!, width, lambda);
        return new LogisticFit(beta[width], beta[..width], StandardErrors(final, size)[..width]);
    }

    /// <summary>The Cholesky factor of the Hessian with the ridge penalty on every coefficient but the
    /// intercept.</summary>
    private static double[] Factorise(double[] hessian, int width, double lambda)
    {
        var size = width + 1;
        for (var j = 0; j < width; j++)
        {
            hessian[(j * size) + j] += lambda;
        }

        hessian[(width * size) + width] += 1e-9;
        return Cholesky(hessian, size);
    }

    /// <summary>Gradient (and, when asked, Hessian) of the log-likelihood, summed over the patterns in
    /// parallel.</summary>
    private static (double[] Gradient, double[]? Hessian) Accumulate(
        (int[] Active, double Positives, double Total)[] groups, double[] beta, int width, bool withHessian)
    {
        var size = width + 1;
        var gradient = new double[size];
        var hessian = withHessian ? new double[size * size] : null;
        var gate = new Lock();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, groups.Length,
            Math.Max(256, groups.Length / (4 * Environment.ProcessorCount))),
            () => (G: new double[size], H: withHessian ? new double[size * size] : null),
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
                    local.G[width] += residual;
                    foreach (var j in active)
                    {
                        local.G[j] += residual;
                    }

                    if (local.H is { } h)
                    {
                        AddCurvature(h, active, total * p * (1 - p), width);
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

                    for (var i = 0; hessian is not null && i < hessian.Length; i++)
                    {
                        hessian[i] += local.H![i];
                    }
                }
            });
        return (gradient, hessian);
    }

    /// <summary>Adds one pattern's weight to the Hessian entries of its "yes" features and the intercept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: no slow first tier
    private static void AddCurvature(double[] hessian, int[] active, double weight, int width)
    {
        var size = width + 1;
        hessian[(width * size) + width] += weight;
        foreach (var j in active)
        {
            hessian[(j * size) + width] += weight;
            hessian[(width * size) + j] += weight;
            var rowStart = j * size;
            foreach (var k in active)
            {
                hessian[rowStart + k] += weight;
            }
        }
    }

    /// <summary>The lower-triangular L with L Lᵀ = H, for a symmetric positive-definite H.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
