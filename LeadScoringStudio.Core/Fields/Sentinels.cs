using System.Globalization;

namespace LeadScoringStudio.Core.Fields;

/// <summary>
/// Numbers that exports write for "never" or "not asked" rather than as amounts: a run of nines at the top that is
/// at least twice the next highest value (999 days since last contact), or −1 (or −9, −99…) below values that are
/// never negative. Only values that appear at least twice count.
/// </summary>
public static class Sentinels
{
    /// <param name="values">Distinct values with how often each appears, in ascending order.</param>
    public static IReadOnlyList<double> Find(IReadOnlyList<(double Value, int Count)> values)
    {
        var found = new List<double>();
        if (values.Count < 3)
        {
            return found;
        }

        var (top, topCount) = values[^1];
        if (top >= 99 && IsRunOfNines(top) && values[^2].Value * 2 <= top && topCount >= 2)
        {
            found.Add(top);
        }

        var (bottom, bottomCount) = values[0];
        if (bottom < 0 && (bottom == -1 || IsRunOfNines(-bottom)) && values[1].Value >= 0 && bottomCount >= 2)
        {
            found.Add(bottom);
        }

        return found;
    }

    private static bool IsRunOfNines(double number) =>
        number == Math.Floor(number) && number.ToString(CultureInfo.InvariantCulture).All(c => c == '9');
}
