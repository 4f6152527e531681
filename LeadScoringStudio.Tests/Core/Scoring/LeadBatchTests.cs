using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Tests.Core.Scoring;

public class LeadBatchTests
{
    private static readonly DemoDataGenerator Generator =
        new(17, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_lead_read_back_from_the_columns_has_its_attributes_and_its_activities_newest_first()
    {
        var leads = Generator.GenerateMany(300).Select(g => g.Lead).ToList();
        var batch = LeadBatch.From(leads);

        for (var i = 0; i < leads.Count; i++)
        {
            var read = batch.LeadAt(i);
            Assert.Equal(leads[i].Id, read.Id);
            Assert.Equal(leads[i].Attributes.Where(a => !a.Value.IsMissing).OrderBy(a => a.Key),
                read.Attributes.OrderBy(a => a.Key));
            Assert.Equal(leads[i].Activities.OrderByDescending(a => a.At).Select(Described),
                read.Activities.Select(Described));
            Assert.Equal(leads[i].FirstSeenAt, batch.FirstSeenAt(i));
            Assert.Equal(leads[i].Company, batch.ValueAt(i, "COMPANY").ToString());
        }
    }

    [Fact]
    public void Activities_at_the_same_moment_keep_their_given_order_among_the_newest_first()
    {
        var (early, late) = (Generator.AsOf.AddDays(-3), Generator.AsOf.AddDays(-1));
        var lead = new Lead("tie", new Dictionary<string, FieldValue>(),
        [
            new Activity("page_visit", early), new Activity("webinar", late), new Activity("email_click", late),
            new Activity("form_fill", early),
        ]);

        var read = LeadBatch.From([lead]).LeadAt(0);

        Assert.Equal(["webinar", "email_click", "page_visit", "form_fill"], read.Activities.Select(a => a.Type));
    }

    [Fact]
    public void Replacing_and_adding_leads_gives_the_batch_built_from_the_changed_leads_and_leaves_the_old_one_alone()
    {
        var leads = Generator.GenerateMany(1200).Select(g => g.Lead).ToList();
        var before = LeadBatch.From(leads);
        var model = StarterModel.Create();
        var scoredBefore = new BatchScorer(model, before).Score(Generator.AsOf);
        var changed = new Dictionary<int, Lead>
        {
            [3] = leads[3] with
            {
                Attributes = new Dictionary<string, FieldValue>
                {
                    ["seniority"] = FieldValue.OfText("CXO"), ["brand_new_field"] = FieldValue.OfNumber(7),
                },
            },
            [700] = leads[700] with { Activities = [] },
            [1100] = leads[1100] with { Activities = [.. leads[5].Activities] },
        };
        var added = Generator.GenerateMany(1250).Skip(1200)
            .Select(g => g.Lead with { Id = "new-" + g.Lead.Id }).ToList();

        var after = before.With(changed, added);

        var expected = LeadBatch.From(leads.Select((l, i) => changed.GetValueOrDefault(i, l)).Concat(added));
        Assert.Equal(expected.LeadIds, after.LeadIds);
        Assert.Equal(Enumerable.Range(0, expected.Count).Select(i => Described(expected.LeadAt(i))),
            Enumerable.Range(0, after.Count).Select(i => Described(after.LeadAt(i))));
        var (want, got) = (new BatchScorer(model, expected).Score(Generator.AsOf),
            new BatchScorer(model, after).Score(Generator.AsOf));
        Assert.Equal(want.Total, got.Total);
        Assert.Equal(want.IsMql, got.IsMql);
        Assert.Equal(7, after.ValueAt(3, "brand_new_field").Number);
        Assert.True(after.ValueAt(4, "brand_new_field").IsMissing);
        Assert.Equal(1200, before.Count);
        Assert.Equal(scoredBefore.Total, new BatchScorer(model, before).Score(Generator.AsOf).Total);
    }

    [Fact]
    public void A_field_held_under_two_spellings_takes_one_place_and_leaves_the_next_leads_in_their_rows()
    {
        var twice = new Lead("twice", new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            ["Industry"] = FieldValue.OfText("Software"),
            ["industry"] = FieldValue.OfText("Banking"),
        }, []);
        var next = new Lead("next",
            new Dictionary<string, FieldValue> { ["industry"] = FieldValue.OfText("Retail") }, []);

        var batch = LeadBatch.From([twice, next]);

        Assert.Equal("Banking", batch.ValueAt(0, "industry").ToString());
        Assert.Equal("Retail", batch.ValueAt(1, "industry").ToString());
    }

    [Fact]
    public void Activities_sharing_their_strings_or_dictionary_or_only_their_text_or_differing_in_a_fourth_property_read_back_as_given()
    {
        var at = Generator.AsOf.AddDays(-1);
        var shared = new Dictionary<string, string> { ["url"] = "/pricing", ["source"] = "ads" };
        var sharedFour = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["c"] = "3", ["d"] = "4" };
        Activity Visit(params (string Name, string Value)[] properties) =>
            new("page_visit", at, properties.ToDictionary(p => p.Name, p => p.Value));
        string Copy(string text) => new(text.ToCharArray());
        Activity[] activities =
        [
            new("page_visit", at, shared), new("page_visit", at, shared),
            Visit(("url", "/pricing"), ("source", "ads")), Visit((Copy("url"), Copy("/pricing")), ("source", "ads")),
            Visit(("source", "ads"), ("url", "/pricing")), Visit(("url", "/pricing"), ("source", "email")),
            Visit(("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")), Visit(("a", "1"), ("b", "2"), ("c", "3"), ("d", "5")),
            Visit(("a", "1"), ("b", "2"), ("c", "3")), new(Copy("page_visit"), at), new("page_visit", at),
            new("page_visit", at, sharedFour), new("page_visit", at, sharedFour),
        ];
        var leads = activities.Select((activity, i) => new Lead($"l{i}", new Dictionary<string, FieldValue>(),
            [activity])).ToList();

        var batch = LeadBatch.From(leads);

        Assert.Equal(leads.Select(Described), leads.Select((_, i) => Described(batch.LeadAt(i))));
        Assert.Equal(6, batch.Signatures.Length);
    }

    [Fact]
    public void Property_names_in_any_case_and_any_dictionary_match_as_the_single_lead_scorer_matches_them()
    {
        var pricing = new ActivityCriterion("pricing", "Pricing page", Dimension.Engagement, null,
            new ActivityCondition("page_visit", [new PropertyFilter("url", Operator.Equals, ["/pricing"])]), 10, null,
            null, 90, Decay.None);
        var model = StarterModel.Create() with { Criteria = [pricing] };
        var asOf = Generator.AsOf;
        Activity Visit(string name, string url, int daysAgo) => new("page_visit", asOf.AddDays(-daysAgo),
            new Dictionary<string, string>(StringComparer.Ordinal) { [name] = url });
        var first = new Lead("a", new Dictionary<string, FieldValue>(), [Visit("URL", "/pricing", 1)]);
        var second = new Lead("b", new Dictionary<string, FieldValue>(), [Visit("url", "/pricing", 2)]);

        var batch = new BatchScorer(model, LeadBatch.From([first, second])).Score(asOf);

        var single = new LeadScorer(model);
        Assert.Equal([single.Score(first, asOf).Engagement, single.Score(second, asOf).Engagement],
            batch.Engagement);
        Assert.Equal([10, 10], batch.Engagement);
        Assert.Equal("/pricing", first.Activities[0].Property("url"));
    }

    private static string Described(Activity activity) =>
        $"{activity.Type} {activity.At.UtcTicks} " +
        string.Join(",", activity.Properties.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"));

    private static string Described(Lead lead) =>
        $"{lead.Id}|" +
        string.Join(";", lead.Attributes.Where(a => !a.Value.IsMissing).OrderBy(a => a.Key)
            .Select(a => $"{a.Key}={a.Value}")) +
        "|" +
        string.Join(";", lead.Activities.Select(Described));
}
