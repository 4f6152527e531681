using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Tuning;
using LeadScoringStudio.Tests.TestSupport;

namespace LeadScoringStudio.Tests.Core.Tuning;

public class SignalsTests
{
    private static readonly DateTimeOffset AsOf = Leads.AsOf;

    [Fact]
    public void Text_values_with_enough_leads_are_signals_the_rare_ones_pooled_and_missing_offered_once()
    {
        var batch = Batch("industry", Repeat("Software", 40), Repeat("software", 5), Repeat("Banking", 30),
            Repeat("Mining", 3), Repeat("Fishing", 2), Repeat(null, 25));

        var group = Signals.ForField(Field("industry", FieldType.Text), batch, minimum: 20);

        Assert.Equal(["industry = Software", "industry = Banking", "industry other", "industry is missing"],
            group.Signals.Select(s => s.Key));
        Assert.Equal([45, 30, 5, 25], group.Signals.Select(s => s.Leads));
        Assert.Equal(new AttributeCondition("industry", Operator.NotOneOf, ["Software", "Banking"]),
            Condition(group.Signals[2]));
        Assert.True(group.IsComplete);
        AssertEachCriterionMatchesExactlyItsLeads(group, batch);
    }

    [Fact]
    public void Numbers_are_binned_by_quantile_with_a_sentinel_kept_apart()
    {
        var values = Enumerable.Range(0, 400).Select(i => (double?)(i % 200))
            .Concat(Enumerable.Repeat((double?)999, 300)).Concat([null, null]).ToArray();
        var batch = Batch("pdays", values.Select(v => v is null ? FieldValue.Missing : FieldValue.OfNumber(v.Value))
            .ToArray());

        var group = Signals.ForField(Field("pdays", FieldType.Number), batch, minimum: 20);

        var conditions = group.Signals.Select(Condition).ToList();
        Assert.Equal(Operator.AtMost, conditions[0].Operator);
        Assert.Contains(new AttributeCondition("pdays", Operator.Equals, ["999"]), conditions);
        Assert.Contains(new AttributeCondition("pdays", Operator.IsMissing, []), conditions);
        Assert.DoesNotContain(conditions, c =>
            c.Operator == Operator.AtLeast); // 999 lies above the bins, so the last one is closed
        Assert.InRange(group.Signals.Count(s => Condition(s).Operator is Operator.AtMost or Operator.Between), 8, 11);
        AssertEachCriterionMatchesExactlyItsLeads(group, batch);
    }

    [Fact]
    public void A_handful_of_distinct_numbers_keep_a_signal_each_and_a_rare_one_joins_its_neighbour()
    {
        var batch = Batch("previous", Numbers((0, 300), (1, 60), (2, 25), (3, 4), (4, 1)));

        var group = Signals.ForField(Field("previous", FieldType.Number), batch, minimum: 20);

        Assert.Equal(["Previous up to 0", "Previous is 1", "Previous 2 or more"], group.Signals.Select(s => s.Label));
        AssertEachCriterionMatchesExactlyItsLeads(group, batch);
    }

    [Fact]
    public void Numbers_that_are_not_whole_are_cut_between_values_so_no_bound_equals_a_value_seen()
    {
        var batch = Batch("score", Enumerable.Range(0, 300).Select(i => FieldValue.OfNumber(i / 7.0)).ToArray());

        var group = Signals.ForField(Field("score", FieldType.Number), batch, minimum: 20);

        var bounds = group.Signals.SelectMany(s => Condition(s).Values)
            .Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(bounds, b => Enumerable.Range(0, 300).Any(i => i / 7.0 == b));
        AssertEachCriterionMatchesExactlyItsLeads(group, batch);
    }

    [Fact]
    public void A_whole_number_of_its_own_for_every_lead_is_an_id_not_a_measure()
    {
        var batch = Batch("lead_number", Enumerable.Range(0, 100).Select(i => FieldValue.OfNumber(660_000 + (i * 7)))
            .ToArray());

        Assert.Equal("every lead has a whole number of its own, like an id",
            Signals.ForField(Field("lead_number", FieldType.Number), batch, minimum: 20).Unusable);
    }

    [Theory]
    [InlineData("one value", "every lead has the same value")]
    [InlineData("all different", "too many different values (60) to learn from each")]
    [InlineData("empty", "no lead has a value")]
    public void A_field_that_cannot_tell_leads_apart_offers_no_signals_and_says_why(string kind, string why)
    {
        var batch = kind switch
        {
            "one value" => Batch("x", Repeat("same", 60)),
            "all different" => Batch("x", Enumerable.Range(0, 60).Select(i => (string?)$"v{i}").ToArray()),
            _ => Batch("y", Repeat("a", 60)),
        };

        var group = Signals.ForField(Field("x", FieldType.Text), batch, minimum: 20);

        Assert.Equal(why, group.Unusable);
        Assert.Empty(group.Signals);
    }

    [Fact]
    public void A_pair_of_fields_offers_each_combination_with_enough_leads_as_a_combined_criterion()
    {
        var leads = Enumerable.Range(0, 200).Select(i => new Lead($"l{i}",
            new Dictionary<string, FieldValue>(StringComparer.OrdinalIgnoreCase)
        {
            ["month"] = FieldValue.OfText(i % 2 == 0 ? "mar" : "may"),
            ["contact"] = FieldValue.OfText(i % 10 == 0 ? "telephone" : "cellular"),
        }, [])).ToList();
        var batch = LeadBatch.From(leads);
        var month = Signals.ForField(Field("month", FieldType.Text), batch, 20);
        var contact = Signals.ForField(Field("contact", FieldType.Text), batch, 20);

        var pair = Signals.ForPair(month, contact, Dimension.Fit, 20);

        Assert.Equal(["month", "contact"], pair.Fields);
        Assert.Equal(
            ["month = mar & contact = cellular", "month = mar & contact = telephone",
                "month = may & contact = cellular"],
            pair.Signals.Select(s => s.Key));
        Assert.Equal("Month is mar and Contact is telephone", pair.Signals[1].Label);
        Assert.Equal([new AttributeCondition("contact", Operator.Equals, ["telephone"])],
            ((AttributeCriterion)pair.Signals[1].Template).AlsoWhen);
        AssertEachCriterionMatchesExactlyItsLeads(pair, batch);
    }

    [Fact]
    public void An_activity_type_done_lately_is_one_engagement_signal()
    {
        var leads = Enumerable.Range(0, 100).Select(i => Leads.With(("seniority", "VP")) with { Id = $"l{i}" })
            .Select((l, i) => i < 40 ? l.Did("webinar", 10) : i < 60 ? l.Did("webinar", 200) : l).ToList();

        var group = Signals.For([], LeadBatch.From(leads), AsOf,
            [new ActivityTypeDefinition("webinar", "Webinar attended")]).Single();

        Assert.True(group.IsActivity);
        var signal = Assert.Single(group.Signals);
        Assert.Equal(("Webinar attended in the last 90 days", 40, Dimension.Engagement),
            (signal.Label, signal.Leads, signal.Template.Dimension));
        AssertEachCriterionMatchesExactlyItsLeads(group, LeadBatch.From(leads));
    }

    /// <summary>What you see is what you apply: a criterion made from a signal matches exactly the leads the fit
    /// counted for it.</summary>
    private static void AssertEachCriterionMatchesExactlyItsLeads(SignalGroup group, LeadBatch batch)
    {
        var model = TestSupport.Models.Small() with
        {
            Fields = [.. group.Fields.Select(f => new FieldDefinition(f, f, FieldType.Text))],
            ActivityTypes = [new("webinar", "Webinar attended")],
            Criteria = [.. group.Signals.Select((s, i) => s.Template with { Id = $"s{i}" })],
        };
        var (_, matched) = new BatchScorer(model, batch).ScoreWithMatches(AsOf);
        for (var lead = 0; lead < batch.Count; lead++)
        {
            for (var s = 0; s < group.Signals.Count; s++)
            {
                Assert.Equal(group.LevelOf[lead] == s, matched[(lead * group.Signals.Count) + s]);
            }
        }
    }

    private static CatalogField Field(string key, FieldType type) => CatalogField.Guess(key, type);

    private static AttributeCondition Condition(Signal signal) => ((AttributeCriterion)signal.Template).When;

    private static string?[] Repeat(string? value, int count) => Enumerable.Repeat(value, count).ToArray();

    private static FieldValue[] Numbers(params (double Value, int Count)[] values) =>
        values.SelectMany(v => Enumerable.Repeat(FieldValue.OfNumber(v.Value), v.Count)).ToArray();

    private static LeadBatch Batch(string field, params string?[][] groups) =>
        Batch(field, groups.SelectMany(g => g).Select(FieldValue.OfText).ToArray());

    private static LeadBatch Batch(string field, FieldValue[] values) =>
        LeadBatch.From(values.Select((v, i) => new Lead($"l{i}",
            new Dictionary<string, FieldValue>(StringComparer.OrdinalIgnoreCase) { [field] = v }, [])));
}
