using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Tests.TestSupport;
using static LeadScoringStudio.Tests.TestSupport.Models;

namespace LeadScoringStudio.Tests.Core.Scoring;

public class BatchScorerTests
{
    private static readonly DemoDataGenerator Generator = new(11, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Batch_and_single_lead_scoring_agree_on_thousands_of_leads()
    {
        var model = StarterModel.Create();
        var leads = Generator.GenerateMany(4000).Select(g => g.Lead).ToList();
        var batch = new BatchScorer(model, LeadBatch.From(leads)).Score(Generator.AsOf);
        var single = new LeadScorer(model);

        for (var i = 0; i < leads.Count; i++)
        {
            var expected = single.Score(leads[i], Generator.AsOf);
            Assert.Equal(
                (expected.Fit, expected.Engagement, expected.Total, expected.Cell, expected.IsMql, expected.IsDisqualified),
                (batch.Fit[i], batch.Engagement[i], batch.Total[i], batch.CellOf(i), batch.IsMql[i], batch.IsDisqualified[i]));
            Assert.Equal(expected.Categories.Select(c => c.Score), batch.CategoryScores.Skip(i * batch.CategoryCount).Take(batch.CategoryCount));
        }

        Assert.Contains(true, batch.IsDisqualified);
        Assert.Contains(true, batch.IsMql);
    }

    [Fact]
    public void A_model_of_one_activity_criterion_counts_it_and_reads_the_activities_after()
    {
        var model = Small(Visits("visits", 10, maxOccurrences: 3));
        var leads = new[] { ThreeLeads.Lead("eight-visits", "VP", 8), ThreeLeads.Lead("none", "VP", 0) };

        var (scores, matched) = new BatchScorer(model, LeadBatch.From(leads)).ScoreWithMatches(Leads.AsOf);

        Assert.Equal(leads.Select(l => LeadScorer.Score(model, l, Leads.AsOf).Engagement), scores.Engagement);
        Assert.Equal(30, scores.Engagement[0]);
        Assert.Equal([true, false], matched);
    }

    [Fact]
    public void Batch_scoring_at_an_earlier_moment_ignores_later_activity()
    {
        var model = StarterModel.Create();
        var leads = Generator.GenerateMany(500).Select(g => g.Lead).ToList();
        var earlier = Generator.AsOf.AddDays(-100);
        var batch = new BatchScorer(model, LeadBatch.From(leads)).Score(earlier);

        for (var i = 0; i < leads.Count; i++)
        {
            Assert.Equal(LeadScorer.Score(model, leads[i], earlier).Total, batch.Total[i]);
        }
    }

    [Fact]
    public void Models_scored_one_after_another_on_one_batch_each_get_their_own_conditions()
    {
        var model = StarterModel.Create();
        var leads = Generator.GenerateMany(1500).Select(g => g.Lead).ToList();
        var batch = LeadBatch.From(leads);
        Func<AttributeCondition, AttributeCondition>[] edits =
        [
            c => c,
            c => c with { Operator = c.Operator == Operator.NotOneOf ? Operator.OneOf : Operator.NotOneOf },
            c => c with { Values = [.. c.Values.Skip(1)] },
        ];

        foreach (var edit in edits)
        {
            var edited = model with
            {
                Criteria = model.Criteria.Select(c => c is AttributeCriterion a ? a with { When = edit(a.When) } : c)
                    .ToValueList(),
            };
            var scores = new BatchScorer(edited, batch).Score(Generator.AsOf);
            Assert.Equal(leads.Select(l => LeadScorer.Score(edited, l, Generator.AsOf).Total), scores.Total);
        }
    }

    [Fact]
    public void What_if_gives_the_same_scores_as_rescoring_the_changed_model()
    {
        var model = StarterModel.Create();
        var batch = LeadBatch.From(Generator.GenerateMany(3000).Select(g => g.Lead));
        var whatIf = new WhatIfScorer(model, batch, Generator.AsOf);

        var edited = model.WithCriterionPoints("pricing-page", 25).WithCriterionPoints("analytics-pages", 9);
        var changed = whatIf.TryScore(edited)!;

        var expected = new BatchScorer(edited, batch).Score(Generator.AsOf);
        Assert.Equal(expected.Total, changed.Total);
        Assert.Equal(expected.CellCounts(), changed.CellCounts());
        Assert.Equal(expected.CategoryScores, changed.CategoryScores);
        Assert.NotEqual(whatIf.Scores.Total, changed.Total);
        Assert.Equal(new BatchScorer(model, batch).Score(Generator.AsOf).Total, whatIf.Scores.Total);
    }

    [Fact]
    public void What_if_declines_any_edit_other_than_criteria_points()
    {
        var model = StarterModel.Create();
        var whatIf = new WhatIfScorer(model, LeadBatch.From(Generator.GenerateMany(200).Select(g => g.Lead)),
            Generator.AsOf);

        Assert.Same(whatIf.Scores, whatIf.TryScore(model));
        Assert.Null(whatIf.TryScore(model.WithCriterionPoints("pricing-page", 25) with { Name = "Renamed" }));
        Assert.Null(whatIf.TryScore(model with { FitBands = model.FitBands with { First = 70 } }));
        Assert.Null(whatIf.TryScore(model with { Criteria = model.Criteria.Skip(1).ToValueList() }));
    }

    [Fact]
    public void A_match_whose_decay_reached_zero_inside_the_window_still_counts_as_matched_for_tuning()
    {
        var webinar = new ActivityCriterion("webinar", "Webinar", Dimension.Engagement, null,
            new ActivityCondition("webinar", []), 10, null, null, 90, Decay.Linear(30));
        var model = StarterModel.Create() with { Criteria = [webinar] };
        var asOf = Generator.AsOf;
        var lead = new Lead("w", new Dictionary<string, FieldValue>(), [new Activity("webinar", asOf.AddDays(-45))]);
        var none = new Lead("n", new Dictionary<string, FieldValue>(), [new Activity("page_visit", asOf.AddDays(-1))]);

        var (scores, matched) = new BatchScorer(model, LeadBatch.From([lead, none])).ScoreWithMatches(asOf);

        Assert.Equal(0, scores.Engagement[0]);
        Assert.Contains(new LeadScorer(model).Score(lead, asOf).Explanation, line => line.CriterionId == "webinar");
        Assert.Equal([true, false], matched);
    }

    [Theory]
    [InlineData(Operator.IsMissing, true)]
    [InlineData(Operator.IsPresent, false)]
    public void Conditions_on_a_field_no_lead_has_agree_with_single_lead_scoring(Operator op, bool holds)
    {
        var absent = new AttributeCondition("no_such_field", op, []);
        var starter = StarterModel.Create();
        var model = starter with
        {
            Criteria =
            [
                .. starter.Criteria,
                new AttributeCriterion("absent", "Absent field", Dimension.Fit, "analytics", absent, 7),
                new AttributeCriterion("absent-and-vp", "Absent field and a VP", Dimension.Fit, null, absent, 5)
                {
                    AlsoWhen = [new AttributeCondition("seniority", Operator.Equals, ["VP"])],
                },
            ],
            Disqualifiers = [.. starter.Disqualifiers, new Disqualifier("absent", "Absent field", absent)],
        };
        var leads = Generator.GenerateMany(300).Select(g => g.Lead).ToList();

        var (batch, matched) = new BatchScorer(model, LeadBatch.From(leads)).ScoreWithMatches(Generator.AsOf);

        var single = new LeadScorer(model);
        for (var i = 0; i < leads.Count; i++)
        {
            var expected = single.Score(leads[i], Generator.AsOf);
            Assert.Equal((expected.Fit, expected.Total, expected.IsDisqualified),
                (batch.Fit[i], batch.Total[i], batch.IsDisqualified[i]));
            Assert.Equal(holds, matched[(i * model.Criteria.Count) + model.Criteria.Count - 2]);
            Assert.Equal(holds && leads[i].Attribute("seniority").Text == "VP",
                matched[(i * model.Criteria.Count) + model.Criteria.Count - 1]);
        }

        Assert.Equal(holds, batch.IsDisqualified.All(d => d));
    }
}
