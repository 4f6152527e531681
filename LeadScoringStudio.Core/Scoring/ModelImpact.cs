using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// What a draft model changes against the published one over the same leads: lead counts per cell
/// (disqualified leads counted apart, not in a cell), and which leads would enter or leave MQL.
/// </summary>
public sealed class ModelImpact
{
    private ModelImpact(int[] publishedCounts, int[] draftCounts, int publishedDisqualified, int draftDisqualified, int[] entering, int[] leaving, int publishedMql, int draftMql)
    {
        PublishedCounts = publishedCounts;
        DraftCounts = draftCounts;
        PublishedDisqualified = publishedDisqualified;
        DraftDisqualified = draftDisqualified;
        EnteringMql = entering;
        LeavingMql = leaving;
        PublishedMql = publishedMql;
        DraftMql = draftMql;
    }

    /// <summary>Leads per cell under the published model, in <see cref="Cell.Index"/> order.</summary>
    public IReadOnlyList<int> PublishedCounts { get; }

    /// <summary>Leads per cell under the draft model, in <see cref="Cell.Index"/> order.</summary>
    public IReadOnlyList<int> DraftCounts { get; }

    public int PublishedDisqualified { get; }

    public int DraftDisqualified { get; }

    /// <summary>Positions (in the batch) of leads that are MQL under the draft but not under the published model.</summary>
    public IReadOnlyList<int> EnteringMql { get; }

    /// <summary>Positions of leads that are MQL under the published model but not under the draft.</summary>
    public IReadOnlyList<int> LeavingMql { get; }

    public int PublishedMql { get; }

    public int DraftMql { get; }

    public static ModelImpact Compare(BatchScores published, BatchScores draft)
    {
        if (published.Count != draft.Count)
        {
            throw new ArgumentException($"Both scorings must cover the same leads ({published.Count} vs {draft.Count}).", nameof(draft));
        }

        var entering = new List<int>();
        var leaving = new List<int>();
        for (var lead = 0; lead < draft.Count; lead++)
        {
            if (draft.IsMql[lead] && !published.IsMql[lead])
            {
                entering.Add(lead);
            }
            else if (published.IsMql[lead] && !draft.IsMql[lead])
            {
                leaving.Add(lead);
            }
        }

        var (publishedCounts, publishedDisqualified) = Counts(published);
        var (draftCounts, draftDisqualified) = Counts(draft);
        return new ModelImpact(
            publishedCounts, draftCounts, publishedDisqualified, draftDisqualified,
            [.. entering], [.. leaving], published.IsMql.Count(m => m), draft.IsMql.Count(m => m));
    }

    public int Change(Cell cell) => DraftCounts[cell.Index] - PublishedCounts[cell.Index];

    private static (int[] Counts, int Disqualified) Counts(BatchScores scores)
    {
        var counts = new int[16];
        var disqualified = 0;
        for (var lead = 0; lead < scores.Count; lead++)
        {
            if (scores.IsDisqualified[lead])
            {
                disqualified++;
            }
            else
            {
                counts[scores.CellIndex[lead]]++;
            }
        }

        return (counts, disqualified);
    }
}
