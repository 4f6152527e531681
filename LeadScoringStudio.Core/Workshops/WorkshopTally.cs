namespace LeadScoringStudio.Core.Workshops;

/// <summary>One participant's verdict on one lead.</summary>
public sealed record Vote(string LeadId, string Voter, Verdict Verdict);

/// <summary>
/// A lead's votes, the team's verdict (the most votes; none while tied or unvoted), the model's verdict,
/// and whether they agree.
/// </summary>
public sealed record LeadTally(string LeadId, IReadOnlyDictionary<Verdict, int> Counts, Verdict? Team, Verdict Model)
{
    public int Votes => Counts.Values.Sum();

    public bool Agrees => Team == Model;
}

/// <summary>The workshop's table: per lead the team against the model, and how often they agree.</summary>
public sealed record WorkshopTally(IReadOnlyList<LeadTally> Leads)
{
    /// <summary>Share of the leads with a team verdict on which the model agrees; null before any lead has one.</summary>
    public double? AgreementRate =>
        Leads.Count(l => l.Team is not null) is var decided and > 0 ? (double)Leads.Count(l => l.Agrees) / decided : null;

    public IEnumerable<LeadTally> Disagreements => Leads.Where(l => l.Team is not null && !l.Agrees);

    /// <summary>Tallies the votes for each lead in <paramref name="modelVerdicts"/> (lead id → the model's verdict), in that order.</summary>
    public static WorkshopTally Of(IEnumerable<Vote> votes, IReadOnlyList<(string LeadId, Verdict Model)> modelVerdicts)
    {
        var byLead = votes.ToLookup(v => v.LeadId);
        return new WorkshopTally(modelVerdicts.Select(m =>
        {
            var counts = Enum.GetValues<Verdict>().ToDictionary(v => v, v => byLead[m.LeadId].Count(vote => vote.Verdict == v));
            var top = counts.Values.Max();
            var leaders = counts.Where(c => c.Value == top).Select(c => c.Key).ToList();
            return new LeadTally(m.LeadId, counts, top > 0 && leaders.Count == 1 ? leaders[0] : null, m.Model);
        }).ToList());
    }
}
