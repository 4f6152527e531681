using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;

namespace LeadScoringStudio.Features.Leads;

/// <summary>A row of the leads table: a lead's position in the lead set and its batch scores.</summary>
public sealed record ScoredLead(int Position, StoredLead Stored, int Total, int Fit, int Engagement, Cell Cell, bool IsMql, bool IsDisqualified, CellAction Action)
{
    public static IReadOnlyList<ScoredLead> From(LeadSet leads, BatchScores scores, ScoringModel model) =>
        Enumerable.Range(0, leads.Count)
            .Select(i => new ScoredLead(
                i, leads.Leads[i], scores.Total[i], scores.Fit[i], scores.Engagement[i], scores.CellOf(i), scores.IsMql[i], scores.IsDisqualified[i],
                scores.IsDisqualified[i] ? CellAction.Disqualified : model.ActionFor(scores.CellOf(i))))
            .OrderByDescending(l => l.IsMql)
            .ThenBy(l => l.Action.Priority)
            .ThenByDescending(l => l.Total)
            .ToList();
}
