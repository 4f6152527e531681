using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Tests.TestSupport;

namespace LeadScoringStudio.Tests.Core.Lifecycle;

public class LifecycleRulesTests
{
    private static readonly RecyclingRule Recycling = new(30);
    private static readonly DateTimeOffset Day0 = Leads.AsOf;

    private static LeadScore Score(bool mql, DateTimeOffset? lastActivity = null, bool disqualified = false, bool hot = false) =>
        new("lead-1", 0, 0, 0,
            [new CategoryScore("analytics", "Analytics", hot ? 30 : 0, hot)],
            Cell.Parse(mql ? "A1" : "D4"),
            CellAction.Disqualified,
            mql && !disqualified,
            disqualified ? ["Student"] : [],
            [],
            lastActivity);

    private static LifecycleTransition Step(LifecycleState state, LeadScore score, DateTimeOffset at, params SalesEvent[] sales) =>
        LifecycleRules.Transition(state, score, sales, Recycling, at);

    [Fact]
    public void A_lead_entering_an_mql_cell_becomes_mql_once()
    {
        var first = Step(LifecycleState.New, Score(mql: true), Day0);
        var again = Step(first.State, Score(mql: true), Day0.AddDays(1));

        Assert.Equal(Stage.Mql, first.State.Stage);
        Assert.Equal(LifecycleEventKind.EnteredMql, Assert.Single(first.Events).Kind);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void An_mql_gone_cold_is_recycled_and_leaves_mql()
    {
        var mql = Step(LifecycleState.New, Score(mql: true), Day0).State;
        var cold = Step(mql, Score(mql: false), Day0.AddDays(5));

        Assert.Equal(Stage.Recycled, cold.State.Stage);
        Assert.Equal(Day0.AddDays(5), cold.State.RecycledAt);
        Assert.Equal(LifecycleEventKind.LeftMql, Assert.Single(cold.Events).Kind);
    }

    [Fact]
    public void Sales_accepts_qualifies_and_wins_in_order()
    {
        var mql = Step(LifecycleState.New, Score(mql: true), Day0).State;
        var result = Step(mql, Score(mql: true), Day0.AddDays(9),
            new SalesEvent(SalesEventKind.Won, Day0.AddDays(8)),
            new SalesEvent(SalesEventKind.Accepted, Day0.AddDays(1)),
            new SalesEvent(SalesEventKind.Qualified, Day0.AddDays(2)),
            new SalesEvent(SalesEventKind.OpportunityCreated, Day0.AddDays(4)));

        Assert.Equal(Stage.Customer, result.State.Stage);
        Assert.Equal(
            [LifecycleEventKind.AcceptedBySales, LifecycleEventKind.Qualified, LifecycleEventKind.OpportunityCreated, LifecycleEventKind.Won],
            result.Events.Select(e => e.Kind));
    }

    [Fact]
    public void A_rejected_lead_returns_only_after_the_cool_down_and_with_new_engagement()
    {
        var mql = Step(LifecycleState.New, Score(mql: true), Day0).State;
        var rejected = Step(mql, Score(mql: true, Day0), Day0.AddDays(1), new SalesEvent(SalesEventKind.Rejected, Day0.AddDays(1), "too early"));
        Assert.Equal(Stage.Recycled, rejected.State.Stage);
        Assert.Equal("sales: too early", rejected.Events.Single().Cause);

        var inCoolDown = Step(rejected.State, Score(mql: true, Day0.AddDays(20)), Day0.AddDays(20));
        var noNewEngagement = Step(rejected.State, Score(mql: true, Day0), Day0.AddDays(40));
        var back = Step(rejected.State, Score(mql: true, Day0.AddDays(35)), Day0.AddDays(40));

        Assert.Equal(Stage.Recycled, inCoolDown.State.Stage);
        Assert.Equal(Stage.Recycled, noNewEngagement.State.Stage);
        Assert.Equal(Stage.Mql, back.State.Stage);
        Assert.Equal(LifecycleEventKind.EnteredMql, Assert.Single(back.Events).Kind);
    }

    [Fact]
    public void Disqualification_takes_a_lead_out_of_mql_whatever_its_score()
    {
        var mql = Step(LifecycleState.New, Score(mql: true), Day0).State;
        var result = Step(mql, Score(mql: true, disqualified: true), Day0.AddDays(1));

        Assert.Equal(Stage.Disqualified, result.State.Stage);
        Assert.Equal("Student", Assert.Single(result.Events).Cause);
    }

    [Fact]
    public void Sales_stages_are_not_moved_by_the_score()
    {
        var sal = Step(Step(LifecycleState.New, Score(mql: true), Day0).State, Score(mql: true), Day0, new SalesEvent(SalesEventKind.Accepted, Day0)).State;
        var result = Step(sal, Score(mql: false, disqualified: true), Day0.AddDays(3));

        Assert.Equal(Stage.Sal, result.State.Stage);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Category_watermark_crossing_is_reported_once_per_crossing()
    {
        var hot = Step(LifecycleState.New, Score(mql: false, hot: true), Day0);
        var stillHot = Step(hot.State, Score(mql: false, hot: true), Day0.AddDays(1));
        var cooled = Step(stillHot.State, Score(mql: false), Day0.AddDays(2));
        var hotAgain = Step(cooled.State, Score(mql: false, hot: true), Day0.AddDays(3));

        Assert.Equal("analytics", Assert.Single(hot.Events).Category);
        Assert.Empty(stillHot.Events);
        Assert.Empty(cooled.Events);
        Assert.Equal(LifecycleEventKind.CategoryWatermarkReached, Assert.Single(hotAgain.Events).Kind);
    }
}
