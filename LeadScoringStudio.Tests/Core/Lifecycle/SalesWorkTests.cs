using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Tests.TestSupport;

namespace LeadScoringStudio.Tests.Core.Lifecycle;

public class SalesWorkTests
{
    private static readonly DateTimeOffset Day0 = Leads.AsOf;

    [Fact]
    public void An_accepted_lead_goes_through_meeting_opportunity_and_win_and_a_lost_one_is_recycled()
    {
        var mql = LifecycleRules.Transition(LifecycleState.New, Score(true), [], new RecyclingRule(30), Day0).State;

        var won = LifecycleRules.Transition(mql, Score(true), [Sale(SalesEventKind.Accepted, 1), Sale(SalesEventKind.MeetingHeld, 3), Sale(SalesEventKind.OpportunityCreated, 9), Sale(SalesEventKind.Won, 40)], new RecyclingRule(30), Day0.AddDays(40));
        var lost = LifecycleRules.Transition(mql, Score(true), [Sale(SalesEventKind.Accepted, 1), Sale(SalesEventKind.MeetingHeld, 3), Sale(SalesEventKind.Lost, 20)], new RecyclingRule(30), Day0.AddDays(20));

        Assert.Equal(
            [(Stage.Mql, Stage.Sal), (Stage.Sal, Stage.Sql), (Stage.Sql, Stage.Opportunity), (Stage.Opportunity, Stage.Customer)],
            won.Events.Select(e => (e.From, e.To)));
        Assert.Equal(Stage.Recycled, lost.State.Stage);
        Assert.Equal(Day0.AddDays(20), lost.State.RecycledAt);
    }

    [Fact]
    public void Feedback_that_does_not_fit_the_stage_changes_nothing() =>
        Assert.Empty(LifecycleRules.Transition(LifecycleState.New, Score(false), [Sale(SalesEventKind.Won, 1)], new RecyclingRule(30), Day0).Events);

    [Fact]
    public void New_mqls_go_to_the_least_loaded_sdr_in_turn_and_to_the_pool_when_all_are_full()
    {
        var counts = new Dictionary<string, int> { ["ann"] = 1 };

        var picks = Enumerable.Range(0, 6).Select(_ => SdrAssignment.Next(["ann", "bob", "cy"], counts, 2)).ToList();

        Assert.Equal(["bob", "cy", "ann", "bob", "cy", null], picks);
        Assert.Null(SdrAssignment.Next([], new Dictionary<string, int>(), 10));
    }

    [Fact]
    public void The_sla_clock_runs_from_the_mql_date_and_only_for_actions_with_an_sla()
    {
        Assert.Equal(TimeSpan.FromHours(-2), QueueOrder.SlaLeft(new CellAction("Call", Route.SalesNow, 1, 1), Day0.AddHours(-3), Day0));
        Assert.Null(QueueOrder.SlaLeft(new CellAction("Nurture", Route.Nurture, 7, null), Day0, Day0));
    }

    [Fact]
    public void The_feedback_summary_counts_acceptance_and_rejections_by_week_cell_and_source()
    {
        var monday = new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
        FeedbackFact[] facts =
        [
            new(monday, true, null, "A1", "organic", "l1"),
            new(monday.AddDays(2), false, RejectionReason.WrongPersona, "A1", "paid", "l2"),
            new(monday.AddDays(3), false, RejectionReason.WrongPersona, "B2", "paid", "l3"),
            new(monday.AddDays(8), false, RejectionReason.TooEarly, "B2", "organic", "l4"),
        ];

        var summary = FeedbackSummary.Of(facts);

        Assert.Equal(0.25, summary.AcceptanceRate);
        Assert.Equal([(new DateOnly(2026, 11, 16), RejectionReason.WrongPersona, 2), (new DateOnly(2026, 11, 23), RejectionReason.TooEarly, 1)], summary.RejectionsByWeek);
        Assert.Equal([("A1", 1, 1), ("B2", 0, 2)], summary.ByCell);
        Assert.Equal([("organic", 1, 1), ("paid", 0, 2)], summary.BySource.OrderBy(s => s.Source));

        // Every figure opens to the leads behind it, and the count matches.
        var wrongPersona = new FeedbackDrill(new DateOnly(2026, 11, 16), RejectionReason.WrongPersona, Accepted: false);
        Assert.Equal(["l3", "l2"], wrongPersona.Behind(facts).Select(f => f.LeadId));
        Assert.Equal("Rejected as Wrong persona, week of 16 Nov", wrongPersona.Describe());
        Assert.Equal(["l4", "l3"], new FeedbackDrill(Cell: "B2", Accepted: false).Behind(facts).Select(f => f.LeadId));
        Assert.Equal(["l1"], new FeedbackDrill(Source: "organic", Accepted: true).Behind(facts).Select(f => f.LeadId));
    }

    private static SalesEvent Sale(SalesEventKind kind, int day) => new(kind, Day0.AddDays(day));

    private static LeadScore Score(bool mql) =>
        new("lead-1", 70, 70, 140, [], Cell.Parse(mql ? "A1" : "D4"), new CellAction("Call", Route.SalesNow, 1, 1), mql, [], [], Day0);
}
