namespace LeadScoringStudio.Core.Tuning;

/// <summary>A fitted logistic model: an intercept and one coefficient (log-odds effect) per feature, with standard errors.</summary>
public sealed record LogisticFit(double Intercept, IReadOnlyList<double> Coefficients, IReadOnlyList<double> StandardErrors)
{
    public double LogOdds(ReadOnlySpan<bool> row)
    {
        var z = Intercept;
        for (var j = 0; j < row.Length; j++)
        {
            if (row[j])
            {
                z += Coefficients[j];
            }
        }

        return z;
    }
}

/// <summary>
/// L2-regularised logistic regression on yes/no features, fitted by Newton's method. Rows with the same
/// features are folded together first (binary features repeat a lot), which keeps 100,000 leads fast.
/// </summary>
public static class LogisticRegression
{
    public static LogisticFit Fit(bool[] matrix, int width, IReadOnlyList<int> rows, IReadOnlyList<bool> labels, double lambda = 1.0, int iterations = 25)
    {
        var patterns = new Dictionary<string, (bool[] X, double Positives, double Total)>();
        foreach (var i in rows)
        {
            var x = matrix.AsSpan(i * width, width);
            var key = string.Create(width, x.ToArray(), (chars, bits) => { for (var j = 0; j < bits.Length; j++) chars[j] = bits[j] ? '1' : '0'; });
            patterns.TryGetValue(key, out var p);
            patterns[key] = (p.X ?? x.ToArray(), p.Positives + (labels[i] ? 1 : 0), p.Total + 1);
        }

        // Each pattern keeps the positions of its "yes" features: the work per pattern grows with those, not with all features.
        var groups = patterns.Values.Select(p => (Active: Enumerable.Range(0, width).Where(j => p.X[j]).ToArray(), p.Positives, p.Total)).ToArray();
        var size = width + 1; // intercept last
        var beta = new double[size];
        var hessian = new double[size * size];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[size];
            Array.Clear(hessian);
            foreach (var (active, positives, total) in groups)
            {
                var z = beta[width];
                foreach (var j in active)
                {
                    z += beta[j];
                }

                var p = 1 / (1 + Math.Exp(-z));
                var residual = positives - (total * p);
                var weight = total * p * (1 - p);
                Accumulate(active, width, residual, weight, gradient, hessian, size);
            }

            for (var j = 0; j < width; j++)
            {
                gradient[j] -= lambda * beta[j];
                hessian[(j * size) + j] += lambda;
            }

            hessian[(width * size) + width] += 1e-9;
            var step = Solve(hessian, gradient, size);
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

        var errors = new double[width];
        for (var j = 0; j < width; j++)
        {
            var unit = new double[size];
            unit[j] = 1;
            errors[j] = Math.Sqrt(Math.Max(0, Solve(hessian, unit, size)[j]));
        }

        return new LogisticFit(beta[width], beta[..width], errors);
    }

    private static void Accumulate(int[] active, int width, double residual, double weight, double[] gradient, double[] hessian, int size)
    {
        gradient[width] += residual;
        hessian[(width * size) + width] += weight;
        foreach (var j in active)
        {
            gradient[j] += residual;
            hessian[(j * size) + width] += weight;
            hessian[(width * size) + j] += weight;
            foreach (var k in active)
            {
                hessian[(j * size) + k] += weight;
            }
        }
    }

    /// <summary>Solves H s = g for a symmetric positive-definite H (Cholesky).</summary>
    private static double[] Solve(double[] h, double[] g, int n)
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
}
