namespace LeadScoringStudio.Core.Tuning;

/// <summary>
/// Yes/no features of many rows, stored sparsely: each row keeps only the positions of its "yes" features
/// (a lead matches a handful of criteria and one level per field, out of hundreds of features).
/// </summary>
public sealed class FeatureMatrix
{
    private readonly int[] _start;
    private readonly int[] _active;

    private FeatureMatrix(int width, int[] start, int[] active)
    {
        Width = width;
        _start = start;
        _active = active;
    }

    public int Rows => _start.Length - 1;

    public int Width { get; }

    /// <summary>The positions of row <paramref name="row"/>'s "yes" features, ascending.</summary>
    public ReadOnlySpan<int> Row(int row) => _active.AsSpan(_start[row], _start[row + 1] - _start[row]);

    /// <summary>Builds the matrix from each row's "yes" features (in any order), computed in parallel.</summary>
    public static FeatureMatrix Build(int rows, int width, Func<int, List<int>, int> fill)
    {
        var perRow = new int[rows][];
        Parallel.For(0, rows, () => new List<int>(64), (row, _, scratch) =>
        {
            scratch.Clear();
            fill(row, scratch);
            scratch.Sort();
            perRow[row] = [.. scratch];
            return scratch;
        }, _ => { });
        var start = new int[rows + 1];
        for (var row = 0; row < rows; row++)
        {
            start[row + 1] = start[row] + perRow[row].Length;
        }

        var active = new int[start[rows]];
        for (var row = 0; row < rows; row++)
        {
            perRow[row].CopyTo(active, start[row]);
        }

        return new FeatureMatrix(width, start, active);
    }

    /// <summary>The same rows with only the <paramref name="kept"/> features, renumbered 0 … kept.Count − 1.</summary>
    public FeatureMatrix Keep(IReadOnlyList<int> kept)
    {
        var position = Enumerable.Repeat(-1, Width).ToArray();
        for (var k = 0; k < kept.Count; k++)
        {
            position[kept[k]] = k;
        }

        return Build(Rows, kept.Count, (row, into) =>
        {
            foreach (var feature in Row(row))
            {
                if (position[feature] >= 0)
                {
                    into.Add(position[feature]);
                }
            }

            return into.Count;
        });
    }

    /// <summary>For every feature over some rows, in one pass: how many rows have it, and the share of positives with
    /// and without it.</summary>
    public (int Matches, double RateWith, double RateWithout)[] Rates(IReadOnlyList<int> rows,
        IReadOnlyList<bool> labels)
    {
        var with = new int[Width];
        var withPositive = new int[Width];
        var positives = 0;
        foreach (var row in rows)
        {
            var positive = labels[row] ? 1 : 0;
            positives += positive;
            foreach (var feature in Row(row))
            {
                with[feature]++;
                withPositive[feature] += positive;
            }
        }

        return Enumerable.Range(0, Width).Select(j =>
        {
            var without = rows.Count - with[j];
            var withoutPositive = positives - withPositive[j];
            return (with[j], with[j] == 0 ? 0 : (double)withPositive[j] / with[j],
                without == 0 ? 0 : (double)withoutPositive / without);
        }).ToArray();
    }
}
