using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>The scores of a whole batch, one entry per lead in batch order.</summary>
public sealed class BatchScores
{
    internal BatchScores(int count, int categoryCount)
    {
        Fit = new int[count];
        Engagement = new int[count];
        Total = new int[count];
        CellIndex = new byte[count];
        IsMql = new bool[count];
        IsDisqualified = new bool[count];
        CategoryCount = categoryCount;
        CategoryScores = new int[count * categoryCount];
    }

    public int Count => Fit.Length;

    public int CategoryCount { get; }

    public int[] Fit { get; }

    public int[] Engagement { get; }

    public int[] Total { get; }

    public byte[] CellIndex { get; }

    public bool[] IsMql { get; }

    public bool[] IsDisqualified { get; }

    /// <summary>Lead i's score for category c is at i × CategoryCount + c.</summary>
    public int[] CategoryScores { get; }

    internal void Set(int lead, Totals totals, bool disqualified)
    {
        Fit[lead] = totals.Fit;
        Engagement[lead] = totals.Engagement;
        Total[lead] = totals.Total;
        CellIndex[lead] = (byte)totals.Cell.Index;
        IsMql[lead] = totals.IsMql;
        IsDisqualified[lead] = disqualified;
    }

    public Cell CellOf(int lead) => Cell.FromIndex(CellIndex[lead]);

    /// <summary>How many leads fall in each of the 16 cells, in <see cref="Cell.Index"/> order.</summary>
    public int[] CellCounts()
    {
        var counts = new int[16];
        foreach (var cell in CellIndex)
        {
            counts[cell]++;
        }

        return counts;
    }
}
