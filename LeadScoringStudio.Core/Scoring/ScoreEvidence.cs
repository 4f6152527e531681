namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// What batch scoring found per lead and criterion (decay-factor sums and final points), kept so a
/// what-if can re-add the points after one criterion changes without reading any activity again.
/// </summary>
internal sealed class ScoreEvidence(int leads, int criteria, bool keepMatches = false)
{
    public int CriterionCount => criteria;

    public double[] Factors { get; } = new double[leads * criteria];

    public int[] Finals { get; } = new int[leads * criteria];

    public int[] Inactivity { get; } = new int[leads];

    public int[] Completeness { get; } = new int[leads];

    public bool[] Disqualified { get; } = new bool[leads];

    /// <summary>Whether each criterion matched each lead (kept when asked for): an activity inside the window counts
    /// even when its decay has reached 0 points.</summary>
    public bool[]? Matched { get; } = keepMatches ? new bool[leads * criteria] : null;

    public void Keep(int lead, ReadOnlySpan<double> factors, ReadOnlySpan<int> counted, ReadOnlySpan<int> finals,
        int inactivity, int completeness, bool disqualified)
    {
        if (Matched is { } matched)
        {
            for (var k = 0; k < criteria; k++)
            {
                matched[(lead * criteria) + k] = counted[k] > 0 || factors[k] > 0;
            }
        }

        factors.CopyTo(Factors.AsSpan(lead * criteria, criteria));
        finals.CopyTo(Finals.AsSpan(lead * criteria, criteria));
        Inactivity[lead] = inactivity;
        Completeness[lead] = completeness;
        Disqualified[lead] = disqualified;
    }
}
