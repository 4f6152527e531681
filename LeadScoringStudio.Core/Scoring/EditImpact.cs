namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// How far an edit moves the leads, against the draft it was made on: leads into and out of MQL, newly
/// disqualified and no longer disqualified. Big ones are shown before they land.
/// </summary>
public sealed record EditImpact(int Leads, int IntoMql, int OutOfMql, int Disqualified, int Requalified)
{
    /// <summary>Leads moved in any of the four ways, each counted once.</summary>
    public int Moved { get; init; }

    public double Share => Leads == 0 ? 0 : (double)Moved / Leads;

    public static EditImpact Between(BatchScores before, BatchScores after)
    {
        if (before.Count != after.Count)
        {
            throw new ArgumentException($"Both scorings must cover the same leads ({before.Count} vs {after.Count}).",
                nameof(after));
        }

        int into = 0, outOf = 0, disqualified = 0, requalified = 0, moved = 0;
        for (var lead = 0; lead < before.Count; lead++)
        {
            var mql = after.IsMql[lead].CompareTo(before.IsMql[lead]);
            var gate = after.IsDisqualified[lead].CompareTo(before.IsDisqualified[lead]);
            into += mql > 0 ? 1 : 0;
            outOf += mql < 0 ? 1 : 0;
            disqualified += gate > 0 ? 1 : 0;
            requalified += gate < 0 ? 1 : 0;
            moved += mql != 0 || gate != 0 ? 1 : 0;
        }

        return new EditImpact(before.Count, into, outOf, disqualified, requalified) { Moved = moved };
    }
}
