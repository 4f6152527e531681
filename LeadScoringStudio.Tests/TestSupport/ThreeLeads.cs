using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using static LeadScoringStudio.Tests.TestSupport.Models;

namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>Three leads whose MQL and disqualification a small model decides plainly: a VP who visits a lot, a
/// director who visits a lot, and a student (disqualified).</summary>
public static class ThreeLeads
{
    public static LeadBatch Batch { get; } = LeadBatch.From(
    [
        Lead("vp", "VP", 8),
        Lead("director", "Director", 8),
        Lead("student", "Student", 8),
    ]);

    /// <summary>VP 60, director 30, 10 per visit; students disqualified.</summary>
    public static ScoringModel Model { get; } = Small(
        Attribute("vp", "seniority", Operator.Equals, 60, "VP"),
        Attribute("director", "seniority", Operator.Equals, 30, "Director"),
        Visits("visits", 10)) with
    {
        Disqualifiers = [Gate("student", "Student")],
    };

    public static BatchScores Score(ScoringModel model) => new BatchScorer(model, Batch).Score(Leads.AsOf);

    /// <summary>A disqualifier on one seniority.</summary>
    public static Disqualifier Gate(string id, string seniority) =>
        new(id, seniority, new AttributeCondition("seniority", Operator.Equals, [seniority]));

    public static Lead Lead(string id, string seniority, int visits)
    {
        var lead = Leads.With(("seniority", seniority)) with { Id = id };
        for (var i = 0; i < visits; i++)
        {
            lead = lead.Did("page_visit", i);
        }

        return lead;
    }
}
