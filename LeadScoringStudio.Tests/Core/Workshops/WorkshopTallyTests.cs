using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Workshops;

namespace LeadScoringStudio.Tests.Core.Workshops;

public class WorkshopTallyTests
{
    [Fact]
    public void The_team_verdict_is_the_most_votes_ties_are_split_and_agreement_counts_decided_leads()
    {
        Vote[] votes =
        [
            new("a", "maya", Verdict.ReachOutNow), new("a", "sam", Verdict.ReachOutNow), new("a", "olga", Verdict.Nurture),
            new("b", "maya", Verdict.Nurture), new("b", "sam", Verdict.Disqualify),
            new("c", "sam", Verdict.Disqualify),
        ];

        var tally = WorkshopTally.Of(votes, [("a", Verdict.ReachOutNow), ("b", Verdict.Nurture), ("c", Verdict.Nurture), ("d", Verdict.Nurture)]);

        Assert.Equal([Verdict.ReachOutNow, null, Verdict.Disqualify, null], tally.Leads.Select(l => l.Team));
        Assert.Equal(2, tally.Leads[0].Counts[Verdict.ReachOutNow]);
        Assert.Equal(0.5, tally.AgreementRate);
        Assert.Equal(["c"], tally.Disagreements.Select(l => l.LeadId));
    }

    [Fact]
    public void Without_votes_there_is_no_agreement_rate_yet() =>
        Assert.Null(WorkshopTally.Of([], [("a", Verdict.Nurture)]).AgreementRate);

    [Theory]
    [InlineData(Route.SalesNow, false, Verdict.ReachOutNow)]
    [InlineData(Route.Sales, false, Verdict.ReachOutNow)]
    [InlineData(Route.AccountBased, false, Verdict.Nurture)]
    [InlineData(Route.Nurture, false, Verdict.Nurture)]
    [InlineData(Route.Disqualify, false, Verdict.Disqualify)]
    [InlineData(Route.SalesNow, true, Verdict.Disqualify)]
    public void The_models_verdict_follows_the_cells_route(Route route, bool disqualified, Verdict expected) =>
        Assert.Equal(expected, Verdicts.OfRoute(route, disqualified));
}
