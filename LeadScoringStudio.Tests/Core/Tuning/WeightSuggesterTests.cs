using LeadScoringStudio.Core.Editing;
using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Tuning;
using LeadScoringStudio.Tests.TestSupport;
using static LeadScoringStudio.Tests.TestSupport.Models;

namespace LeadScoringStudio.Tests.Core.Tuning;

/// <summary>
/// Generated leads whose outcome follows a known hidden propensity: logit = −2 + 2.0·VP + 0.5·budget + 1.0·big −
/// 1.2·gmail
/// (page visits have no effect). Two planted leaks: "sales_status" (named like a post-contact field) and "crm_flag"
/// (agrees with the outcome 97 % of the time).
/// </summary>
public class WeightSuggesterTests
{
    private static readonly (ScoringModel Model, IReadOnlyList<Lead> Leads,
        IReadOnlyList<bool> Outcomes) Data = Generate(6000);
    private static readonly Suggestion Result = WeightSuggester.Suggest(Data.Model, Data.Leads, Data.Outcomes,
        Leads.AsOf);

    [Theory]
    [InlineData("vp", 2.0)]
    [InlineData("big", 1.0)]
    [InlineData("gmail", -1.2)]
    public void The_fit_recovers_sign_and_rough_size_of_the_true_effects(string criterion, double truth)
    {
        var effect = Result.Weights.Single(w => w.CriterionId == criterion).Effect;

        Assert.Equal(Math.Sign(truth), Math.Sign(effect));
        Assert.InRange(effect, truth * (truth > 0 ? 0.6 : 1.4), truth * (truth > 0 ? 1.4 : 0.6));
    }

    [Fact]
    public void A_signal_without_effect_stays_near_zero_and_duplicate_features_share_their_effect()
    {
        Assert.InRange(Result.Weights.Single(w => w.CriterionId == "visits").Effect, -0.3, 0.3);
        var shared = Result.Weights.Where(w => w.CriterionId is "budget" or "budget-again").Sum(w => w.Effect);
        Assert.InRange(shared, 0.25, 0.75);
    }

    [Fact]
    public void Suggested_points_are_whole_numbers_on_the_models_scale_with_the_right_signs()
    {
        var vp = Result.Weights.Single(w => w.CriterionId == "vp");
        var gmail = Result.Weights.Single(w => w.CriterionId == "gmail");

        Assert.True(vp.Suggested > 10, $"VP suggested {vp.Suggested}");
        Assert.True(gmail.Suggested < 0, $"gmail suggested {gmail.Suggested}");
        Assert.Equal(vp.Suggested, Result.Draft([], fitScale: false).FindCriterion("vp")!.BasePoints);
        Assert.True(vp.StandardError is > 0 and < 0.3, $"SE {vp.StandardError}");
    }

    [Fact]
    public void The_fit_beats_the_naive_bayes_baseline_on_held_out_leads_split_by_time()
    {
        var fit = Result.Backtests.Single(b => b.Name == "logistic fit").Auc;
        var baseline = Result.Backtests.Single(b => b.Name == "naive Bayes baseline").Auc;

        Assert.True(fit > baseline, $"fit {fit:0.000} vs naive Bayes {baseline:0.000}");
        Assert.True(fit > 0.7);
        Assert.StartsWith("time-ordered", Result.Split.Description);
        Assert.InRange(Result.Split.Test.Count, 1700, 1900);
    }

    [Fact]
    public void Planted_leaks_are_held_back_as_whole_fields_and_say_why()
    {
        var status = Result.Fields.Single(f => f.Key == "sales_status");
        var flag = Result.Fields.Single(f => f.Key == "crm_flag");

        Assert.Equal((FieldUse.Excluded, FieldUse.Excluded), (status.Use, flag.Use));
        Assert.Contains("recorded after sales contact", status.Reason);
        Assert.Contains("too well for something known before sales contact", flag.Reason);
        Assert.True(flag.AloneAuc > 0.9, $"{flag.AloneAuc}");
        Assert.DoesNotContain(Result.Weights, w => w.Field is "sales_status" or "crm_flag");
        Assert.Null(Result.Weights.Single(w => w.CriterionId == "vp").Excluded);
    }

    [Fact]
    public void Numbers_are_offered_as_bins_that_do_not_overlap_the_models_own_and_missing_once_per_field()
    {
        var sizes = Result.Candidates.Where(w => w.Field == "company_size")
            .Select(w => (AttributeCriterion)w.Signal!.Template).ToList();

        Assert.NotEmpty(sizes);
        Assert.All(sizes, c => Assert.True(c.When.Operator is Operator.AtMost or Operator.Between or Operator.Equals,
            c.When.ToString()));
        Assert.All(sizes, c => Assert.True(double.Parse(c.When.Values[^1],
            System.Globalization.CultureInfo.InvariantCulture) < 1000)); // "big" covers 1000 and more
        Assert.Single(Result.Candidates, w => w.Field == "seniority"
            && ((AttributeCriterion)w.Signal!.Template).When.Operator == Operator.IsMissing);
        Assert.Equal(Result.Candidates.Count(), Result.Candidates.Select(w => w.Key).Distinct().Count());
    }

    [Fact]
    public void Criteria_on_a_field_marked_after_contact_are_removed_by_the_draft_while_an_unanswered_one_keeps_its_points()
    {
        var fields = Data.Model.Fields.Select(f => CatalogField.Guess(f.Name, f.Type, f.Label))
            .Select(f => f.Key == "seniority" ? f with { KnownBeforeContact = KnownBeforeContact.No } : f).ToList();
        var data = new TuningData(LeadBatch.From(Data.Leads), Data.Outcomes.Select(o => (bool?)o).ToList(),
            Data.Leads.Select(l => l.FirstSeenAt).ToList(), Leads.AsOf, 150);

        var suggestion = WeightSuggester.Suggest(Data.Model, data, fields);

        var vp = suggestion.Weights.Single(w => w.CriterionId == "vp");
        Assert.True(vp.Drops);
        Assert.Equal("marked as recorded after first sales contact: never used", vp.Excluded);
        Assert.Null(suggestion.Draft([]).FindCriterion("vp"));
        Assert.False(Result.Weights.Single(w => w.CriterionId == "vp").Drops);
    }

    private static (ScoringModel, IReadOnlyList<Lead>, IReadOnlyList<bool>) Generate(int count)
    {
        var model = Small(
            Attribute("vp", "seniority", Operator.Equals, 20, "VP"),
            Attribute("budget", "budget", Operator.Equals, 10, "yes"),
            Attribute("budget-again", "budget", Operator.Equals, 5, "yes"),
            Attribute("big", "company_size", Operator.AtLeast, 5, "1000"),
            Attribute("gmail", "email", Operator.EndsWith, -5, "@gmail.com"),
            Visits("visits", 1)) with
        {
            Fields = Small().Fields.Add(new FieldDefinition("sales_status", "Sales status", FieldType.Text))
                .Add(new FieldDefinition("crm_flag", "CRM flag", FieldType.Text)),
        };
        var random = new Random(5);
        var leads = new List<Lead>();
        var outcomes = new List<bool>();
        for (var i = 0; i < count; i++)
        {
            var vp = random.NextDouble() < 0.3;
            var budget = random.NextDouble() < 0.4;
            var size = Math.Round(Math.Exp(4 + (3 * random.NextDouble())));
            var gmail = random.NextDouble() < 0.2;
            var logit = -2 + (vp ? 2.0 : 0) + (budget ? 0.5 : 0) + (size >= 1000 ? 1.0 : 0) + (gmail ? -1.2 : 0);
            var converted = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
            var lead = Leads.With(
                ("seniority",
                    random.NextDouble() < 0.1 ? (random.NextDouble() < 0.5 ? null : "N/A") : vp ? "VP" : random.NextDouble() < 0.5 ? "Manager" : "Analyst"),
                ("budget", budget),
                ("company_size", size),
                ("email", gmail ? $"x{i}@gmail.com" : $"x{i}@acme.com"),
                ("sales_status", converted ? "won" : "open"),
                ("crm_flag", converted ^ (random.NextDouble() < 0.03) ? "Y" : "N")) with { Id = $"g-{i}" };
            lead = lead.Did(random.NextDouble() < 0.5 ? "page_visit" : "content_download",
                300 - (int)(300.0 * i / count));
            leads.Add(lead);
            outcomes.Add(converted);
        }

        return (model, leads, outcomes);
    }
}
