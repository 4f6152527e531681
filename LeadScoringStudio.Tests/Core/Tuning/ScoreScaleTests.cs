using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Tuning;
using LeadScoringStudio.Tests.TestSupport;
using static LeadScoringStudio.Tests.TestSupport.Models;

namespace LeadScoringStudio.Tests.Core.Tuning;

/// <summary>
/// 1,000 leads with company sizes 0–999 (a point for every full ten, so fit scores run 1 to 100); a tenth convert, and
/// half of the biggest 200 too, so higher scores do convert more.
/// </summary>
public class ScoreScaleTests
{
    private static readonly ScoringModel Model = Small(Enumerable.Range(0, 100)
        .Select(i => (Criterion)Attribute($"size-{i}", "company_size", Operator.AtLeast, 1, (i * 10).ToString()))
        .ToArray())
        with { Limits = new ScoreLimits(new ScoreLimit(0, 50), ScoreLimit.None, ScoreLimit.None) };

    private static readonly TuningData Data = DataWithDates(Enumerable.Repeat((DateTimeOffset?)null, 1000).ToList());

    [Fact]
    public void A_limit_that_cuts_off_many_leads_moves_just_beyond_the_scores_and_one_that_guards_against_few_stays()
    {
        var guarded = Model with { Limits = new ScoreLimits(new ScoreLimit(4, 50), ScoreLimit.None,
            ScoreLimit.None) }; // 3 % below 4, 50 % above 50

        var fitted = ScoreScale.FitTo(guarded, Data, Data.Labelled);

        Assert.Equal(new ScoreLimit(4, 110), fitted.Limits.Fit);
        Assert.Equal(0, ScoreScale.AtLimits(fitted, Data.Batch, Leads.AsOf).Single(l => l.Name == "fit ceiling").Share);
        Assert.Equal(0.03, ScoreScale.AtLimits(fitted, Data.Batch, Leads.AsOf)
            .Single(l => l.Name == "fit floor").Share, 3);
    }

    [Fact]
    public void A_limit_that_cuts_off_many_leads_stays_when_moving_it_would_rank_the_leads_learned_from_worse()
    {
        var data = new TuningData(Data.Batch, Enumerable.Range(0, 1000)
            .Select(i => (bool?)(i % 10 == 3 || (i < 500 && i % 2 == 0))).ToList(), Data.FirstSeen, Leads.AsOf, 150);
        var guarded = Model with { Limits = new ScoreLimits(new ScoreLimit(0, 50), ScoreLimit.None, ScoreLimit.None) };

        var fitted = ScoreScale.FitTo(guarded, data, data.Labelled);

        Assert.Equal(new ScoreLimit(0, 50),
            fitted.Limits.Fit); // above 50 the leads convert less: cutting their points off ranks better
    }

    [Fact]
    public void Grade_bands_put_about_15_40_and_70_percent_of_leads_at_or_above_them()
    {
        var fitted = ScoreScale.FitTo(Model, Data, Data.Labelled);

        Assert.Equal(new GradeBands(86, 61, 31), fitted.FitBands); // each score is held by ten leads
    }

    [Fact]
    public void Leads_piled_on_a_limit_are_reported_and_a_warning_says_how_to_fix_it()
    {
        var ceiling = ScoreScale.AtLimits(Model, Data.Batch, Leads.AsOf).Single(l => l.Name == "fit ceiling");
        var preview = new DraftPreview(Model, new Backtest("suggested", 0.7, new Confusion(1, 1, 1, 1)), 10, [ceiling]);

        Assert.Equal(0.50, ceiling.Share, 2); // fit 51 to 100 is cut to 50
        Assert.Contains(preview.Warnings(new Backtest("current", 0.6, new Confusion(0, 0, 0, 0)), Data), w =>
            w.StartsWith("50% of leads sit at the fit ceiling (50)"));
    }

    [Fact]
    public void Warnings_say_when_a_suggestion_ranks_worse_and_when_mql_volume_cannot_or_does_not_match_capacity()
    {
        var preview = new DraftPreview(Model, new Backtest("suggested", 0.6, new Confusion(1, 1, 1,
            1)) { MqlsPerMonth = 900 }, 900, []);
        var dated = DataWithDates(Enumerable.Range(0, 1000).Select(i => (DateTimeOffset?)Leads.AsOf.AddDays(-i / 5.0))
            .ToList());

        Assert.Equal(
        [
            "It ranks the held-out leads worse than the draft does now (ROC AUC 0.600 against 0.700).",
            "The leads carry no dates, so MQLs a month cannot be set against the SDR team's capacity (150 a month): " +
                "it makes 900 MQLs among all 1,000 leads.",
        ], preview.Warnings(new Backtest("current", 0.7, new Confusion(0, 0, 0, 0)), Data));
        Assert.Contains("It makes about 900 MQLs a month; the SDR team can work about 150.",
            preview.Warnings(new Backtest("current", 0.5, new Confusion(0, 0, 0, 0)), dated));
    }

    private static TuningData DataWithDates(IReadOnlyList<DateTimeOffset?> firstSeen) => new(
        LeadBatch.From(Enumerable.Range(0, 1000).Select(i => Leads.With(("company_size", i)) with { Id = $"l{i}" })),
        Enumerable.Range(0, 1000).Select(i => (bool?)(i % 10 == 3 || (i >= 800 && i % 2 == 0))).ToList(), firstSeen,
            Leads.AsOf, mqlCapacityPerMonth: 150);
}
