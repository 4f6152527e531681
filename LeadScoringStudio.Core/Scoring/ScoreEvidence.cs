namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// What batch scoring found per lead and criterion (decay-factor sums and final points), kept so a
/// what-if can re-add the points after one criterion changes without reading any activity again.
/// </summary>
internal sealed class ScoreEvidence(int leads, int criteria)
{
    public int CriterionCount => criteria;

    public double[] Factors { get; } = new double[leads * criteria];

    public int[] Finals { get; } = new int[leads * criteria];

    public int[] Inactivity { get; } = new int[leads];

    public int[] Completeness { get; } = new int[leads];

    public bool[] Disqualified { get; } = new bool[leads];

    public void Keep(int lead, ReadOnlySpan<double> factors, ReadOnlySpan<int> finals, int inactivity, int completeness, bool disqualified)
    {
        factors.CopyTo(Factors.AsSpan(lead * criteria, criteria));
        finals.CopyTo(Finals.AsSpan(lead * criteria, criteria));
        Inactivity[lead] = inactivity;
        Completeness[lead] = completeness;
        Disqualified[lead] = disqualified;
    }
}
