using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// Puts a lead's activities newest first, ties in their given order (as a stable sort by time keeps them), into
/// buffers it keeps from lead to lead. Activities that come newest first already, as stored leads do, are not sorted.
/// </summary>
internal sealed class NewestFirstOrder
{
    /// <summary>Up to this many activities are sorted by insertion, which keeps equal times in order as it goes; for
    /// the twenty or so a lead usually has, that is quicker than a general sort followed by putting equal times back
    /// in order.</summary>
    private const int MostByInsertion = 64;

    private long[] _ticks = new long[64];
    private int[] _from = new int[64];
    private int _count;

    /// <summary>The last lead's activity times, newest first.</summary>
    public ReadOnlySpan<long> Ticks => _ticks.AsSpan(0, _count);

    /// <summary>Where each of <see cref="Ticks"/> came from in the last lead's activities.</summary>
    public ReadOnlySpan<int> From => _from.AsSpan(0, _count);

    /// <summary>Orders <paramref name="activities"/> into <see cref="Ticks"/> and <see cref="From"/>, which stay as
    /// they are until the next lead.</summary>
    public void Order(IReadOnlyList<Activity> activities)
    {
        var count = _count = activities.Count;
        if (_ticks.Length < count)
        {
            _ticks = new long[Math.Max(count, 2 * _ticks.Length)];
            _from = new int[_ticks.Length];
        }

        var ticks = _ticks.AsSpan(0, count);
        var from = _from.AsSpan(0, count);
        var newestFirst = true;
        for (var i = 0; i < count; i++)
        {
            (ticks[i], from[i]) = (activities[i].At.UtcTicks, i);
            newestFirst &= i == 0 || ticks[i] <= ticks[i - 1];
        }

        if (newestFirst)
        {
            return;
        }

        if (count <= MostByInsertion)
        {
            ByInsertion(ticks, from);
        }
        else
        {
            ByTime(ticks, from);
        }
    }

    /// <summary>Moves each activity before those older than it; one as old stays after, so equal times keep their given
    /// order.</summary>
    private static void ByInsertion(Span<long> ticks, Span<int> from)
    {
        for (var i = 1; i < ticks.Length; i++)
        {
            var (time, index) = (ticks[i], from[i]);
            var j = i - 1;
            while (j >= 0 && ticks[j] < time)
            {
                (ticks[j + 1], from[j + 1]) = (ticks[j], from[j]);
                j--;
            }

            (ticks[j + 1], from[j + 1]) = (time, index);
        }
    }

    /// <summary>Sorts the times (a sort of plain numbers, the fastest there is), then puts each run of equal times back
    /// in its given order.</summary>
    private static void ByTime(Span<long> ticks, Span<int> from)
    {
        ticks.Sort(from);
        ticks.Reverse();
        from.Reverse();
        for (var start = 0; start < ticks.Length;)
        {
            var end = start + 1;
            while (end < ticks.Length && ticks[end] == ticks[start])
            {
                end++;
            }

            from[start..end].Sort();
            start = end;
        }
    }
}
