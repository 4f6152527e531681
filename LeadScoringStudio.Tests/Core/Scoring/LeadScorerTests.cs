using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Tests.TestSupport;
using static LeadScoringStudio.Tests.TestSupport.Models;

namespace LeadScoringStudio.Tests.Core.Scoring;

public class LeadScorerTests
{
    private static LeadScore Score(ScoringModel model, LeadScoringStudio.Core.Leads.Lead lead) => LeadScorer.Score(model, lead, Leads.AsOf);

    [Fact]
    public void Matching_attribute_criterion_gives_its_points_and_says_why()
    {
        var model = Small(Attribute("exec", "seniority", Operator.OneOf, 20, "VP", "C-level"), Attribute("small", "company_size", Operator.AtMost, 5, "50"));
        var score = Score(model, Leads.With(("seniority", "vp"), ("company_size", 800)));

        Assert.Equal(20, score.Fit);
        var line = Assert.Single(score.Explanation);
        Assert.Equal("exec", line.CriterionId);
        Assert.Equal("Seniority is vp", line.Evidence);
        Assert.Equal(20, line.Final);
    }

    [Fact]
    public void Evidence_counts_occurrences_and_the_most_recent()
    {
        var model = Small(Visits("pricing", 10, urlContains: "/pricing"));
        var lead = Leads.With().Did("page_visit", 4, ("url", "/pricing")).Did("page_visit", 9, ("url", "/pricing/enterprise")).Did("page_visit", 20, ("url", "/pricing")).Did("page_visit", 1, ("url", "/blog"));

        var line = Assert.Single(Score(model, lead).Explanation);
        Assert.Equal("3 × pricing, last 4 days ago", line.Evidence);
        Assert.Equal(30, line.Final);
    }

    [Fact]
    public void Occurrence_cap_counts_only_the_most_recent_matches()
    {
        var model = Small(Visits("visits", 10, maxOccurrences: 2, decay: Decay.HalfLife(10)));
        var lead = Leads.With().Did("page_visit", 30).Did("page_visit", 0).Did("page_visit", 10);

        var line = Assert.Single(Score(model, lead).Explanation);
        Assert.Equal(20, line.Raw);
        Assert.Equal(15, line.Final); // 10 × (1 + 0.5): the 30-day-old visit is not counted
        Assert.Equal(-5, line.Decay);
        Assert.EndsWith("(2 counted)", line.Evidence);
    }

    [Fact]
    public void Points_cap_limits_a_criterion_and_shows_as_cap()
    {
        var model = Small(Visits("visits", 10, maxPoints: 25));
        var lead = Leads.With().Did("page_visit", 1).Did("page_visit", 2).Did("page_visit", 3);

        var line = Assert.Single(Score(model, lead).Explanation);
        Assert.Equal((30, 0, -5, 25), (line.Raw, line.Decay, line.Cap, line.Final));
    }

    [Fact]
    public void Negative_criterion_is_capped_in_size()
    {
        var model = Small(Visits("careers", -15, maxPoints: 20, urlContains: "/careers"));
        var lead = Leads.With().Did("page_visit", 1, ("url", "/careers")).Did("page_visit", 2, ("url", "/careers"));

        Assert.Equal(-20, Assert.Single(Score(model, lead).Explanation).Final);
    }

    [Fact]
    public void Lookback_window_ignores_older_activity_and_future_activity_does_not_exist_yet()
    {
        var model = Small(Visits("visits", 10, lookbackDays: 30));
        var lead = Leads.With().Did("page_visit", 29).Did("page_visit", 30).Did("page_visit", -2);

        Assert.Equal(10, Score(model, lead).Engagement);
    }

    [Fact]
    public void Half_life_decay_rounds_the_criterion_total()
    {
        var model = Small(Visits("visits", 10, decay: Decay.HalfLife(30)));
        var lead = Leads.With().Did("page_visit", 30).Did("page_visit", 60);

        var line = Assert.Single(Score(model, lead).Explanation);
        Assert.Equal((20, -12, 8), (line.Raw, line.Decay, line.Final)); // 10 × (0.5 + 0.25) = 7.5 → 8
    }

    [Fact]
    public void Inactivity_takes_points_per_full_period_down_to_the_floor()
    {
        var model = Small(Visits("visits", 100)) with { Inactivity = new InactivityRule(-50, 30, -100) };

        Assert.Equal(100, Score(model, Leads.With().Did("page_visit", 29)).Engagement);
        Assert.Equal(50, Score(model, Leads.With().Did("page_visit", 30)).Engagement);
        Assert.Equal(0, Score(model, Leads.With().Did("page_visit", 95)).Engagement);
        var floored = Score(model, Leads.With().Did("page_visit", 95)).Explanation.Single(l => l.Kind == LineKind.Inactivity);
        Assert.Equal((-150, 50, -100), (floored.Raw, floored.Cap, floored.Final));
        Assert.StartsWith("No activity for 95 days", floored.Evidence);
    }

    [Fact]
    public void Completeness_gives_points_in_proportion_to_fields_present()
    {
        var model = Small() with { Completeness = new CompletenessRule(10, ["seniority", "company_size", "email"]) };

        Assert.Equal(7, Score(model, Leads.With(("seniority", "VP"), ("email", "a@b.com"))).Fit);
        Assert.Equal(0, Score(model, Leads.With()).Fit);
    }

    [Fact]
    public void Category_cap_limits_the_category_and_the_dimension_with_a_line_of_its_own()
    {
        var model = Small(Visits("analytics", 10, category: "analytics"), Visits("other", 1)) with
        {
            Categories = [new Category("analytics", "Analytics", 20, 25)],
        };
        var lead = Leads.With().Did("page_visit", 1).Did("page_visit", 2).Did("page_visit", 3);

        var score = Score(model, lead);
        Assert.Equal(25, score.Categories.Single().Score);
        Assert.True(score.Categories.Single().IsHot);
        Assert.Equal(28, score.Engagement);
        var cap = score.Explanation.Single(l => l.Kind == LineKind.CategoryCap);
        Assert.Equal(-5, cap.Final);
    }

    [Fact]
    public void Dimension_and_total_limits_appear_as_lines()
    {
        var model = Small(Attribute("exec", "seniority", Operator.Equals, 80, "VP"), Visits("visits", 30)) with
        {
            Limits = new ScoreLimits(new ScoreLimit(0, 50), new ScoreLimit(0, 100), new ScoreLimit(null, 70)),
        };
        var score = Score(model, Leads.With(("seniority", "VP")).Did("page_visit", 1));

        Assert.Equal((50, 30, 70), (score.Fit, score.Engagement, score.Total));
        Assert.Equal(-30, score.Explanation.Single(l => l.Kind == LineKind.DimensionLimit).Final);
        Assert.Equal(-10, score.Explanation.Single(l => l.Kind == LineKind.TotalLimit).Final);
    }

    [Fact]
    public void Floor_on_a_dimension_lifts_it_with_a_line()
    {
        var model = Small(Attribute("personal", "email", Operator.EndsWith, -10, "@gmail.com")) with
        {
            Limits = new ScoreLimits(new ScoreLimit(0, null), ScoreLimit.None, ScoreLimit.None),
        };
        var score = Score(model, Leads.With(("email", "x@gmail.com")));

        Assert.Equal(0, score.Fit);
        Assert.Equal(0, score.Explanation.Sum(l => l.Final));
        Assert.Equal(10, score.Explanation.Single(l => l.Kind == LineKind.DimensionLimit).Final);
    }

    [Theory]
    [InlineData(59, 35, "B2")]
    [InlineData(60, 35, "B1")]
    [InlineData(60, 34, "C1")]
    [InlineData(20, 15, "C3")]
    [InlineData(19, 14, "D4")]
    [InlineData(100, 60, "A1")]
    public void Band_edges_belong_to_the_higher_grade(int fit, int engagement, string cell)
    {
        var model = Small(Attribute("fit", "seniority", Operator.IsPresent, fit), Visits("eng", engagement));
        var score = Score(model, Leads.With(("seniority", "x")).Did("page_visit", 0));

        Assert.Equal(cell, score.Cell.ToString());
    }

    [Fact]
    public void Disqualifier_overrides_any_number_of_points()
    {
        var model = Small(Attribute("fit", "seniority", Operator.IsPresent, 100), Visits("eng", 100)) with
        {
            Disqualifiers = [new Disqualifier("competitor", "Works for a competitor", new AttributeCondition("email", Operator.EndsWith, ["@rival.com"]))],
        };
        var score = Score(model, Leads.With(("seniority", "VP"), ("email", "ceo@rival.com")).Did("page_visit", 0));

        Assert.Equal("A1", score.Cell.ToString());
        Assert.False(score.IsMql);
        Assert.Equal(Route.Disqualify, score.Action.Route);
        Assert.Equal(["Works for a competitor"], score.DisqualificationReasons);
    }

    [Fact]
    public void Activity_disqualifier_looks_at_activity_before_the_scoring_moment()
    {
        var model = Small() with
        {
            Disqualifiers = [new Disqualifier("jobs", "Job seeker", new ActivityCondition("page_visit", [new PropertyFilter("url", Operator.Contains, ["/careers/apply"])]))],
        };

        Assert.True(Score(model, Leads.With().Did("page_visit", 3, ("url", "/careers/apply"))).IsDisqualified);
        Assert.False(Score(model, Leads.With().Did("page_visit", -3, ("url", "/careers/apply"))).IsDisqualified);
    }

    [Fact]
    public void Mql_follows_the_cells_marked_mql()
    {
        var model = Small(Attribute("fit", "seniority", Operator.IsPresent, 70), Visits("eng", 70));

        Assert.True(Score(model, Leads.With(("seniority", "VP")).Did("page_visit", 0)).IsMql);
        Assert.False(Score(model, Leads.With(("seniority", "VP"))).IsMql);
    }
}
