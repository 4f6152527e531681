using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Tuning;

namespace LeadScoringStudio.Tests.Core.Tuning;

/// <summary>
/// 2,000 leads, half converted: "tags" is set by sales after contact (agrees with the outcome 95 % of the time),
/// "lead_quality" a bit less (80 %), "call_result" agrees 97 % but only a third of the leads have one, "country" says
/// nothing. The guard judges each field whole on held-out leads.
/// </summary>
public class FieldGuardTests
{
    private static readonly (LeadBatch Batch, IReadOnlyList<bool> Labels) Data = Generate(2000);
    private static readonly Split HalfSplit = new(Enumerable.Range(0, 2000).Where(i => i % 2 == 0).ToList(),
        Enumerable.Range(0, 2000).Where(i => i % 2 == 1).ToList(), "even/odd");

    [Fact]
    public void A_field_that_alone_separates_outcomes_too_well_is_excluded_with_its_strength()
    {
        var verdict = Judge("tags");

        Assert.Equal(FieldUse.Excluded, verdict.Use);
        Assert.InRange(verdict.AloneAuc!.Value, 0.93, 0.97);
        Assert.StartsWith($"alone it ranks held-out leads at AUC {verdict.AloneAuc:0.00}, too well", verdict.Reason);
        Assert.True(verdict.NeedsAnswer);
    }

    [Fact]
    public void A_strong_field_nobody_marked_is_asked_about_and_held_back()
    {
        var verdict = Judge("lead_quality");

        Assert.Equal(FieldUse.Asked, verdict.Use);
        Assert.Contains("is it known before first sales contact?", verdict.Reason);
    }

    [Fact]
    public void A_field_filled_in_for_some_leads_only_is_judged_where_it_is_filled()
    {
        var verdict = Judge("call_result");

        Assert.Equal(FieldUse.Excluded, verdict.Use); // over every lead it looks weak: two in three have no value
        Assert.True(verdict.AloneAuc > 0.9, $"{verdict.AloneAuc}");
    }

    [Fact]
    public void What_people_said_wins_known_before_contact_is_used_after_contact_never_and_left_out_stays_out()
    {
        Assert.Equal(FieldUse.Used, Judge("tags", KnownBeforeContact.Yes).Use);
        Assert.Equal(FieldUse.AfterContact, Judge("country", KnownBeforeContact.No).Use);
        Assert.Equal(FieldUse.LeftOut, Judge("country", leftOut: true).Use);
        Assert.Equal(FieldUse.Used, Judge("country").Use);
        Assert.InRange(Judge("country").AloneAuc!.Value, 0.44,
            0.56); // chance, within the noise of 1,000 held-out leads
    }

    [Fact]
    public void A_field_named_like_a_sales_record_is_excluded_until_someone_says_otherwise()
    {
        var group = Signals.ForField(CatalogField.Guess("deal_stage", FieldType.Text), Data.Batch, 20);

        Assert.Equal(FieldUse.Excluded, FieldGuard.Judge(group, CatalogField.Guess("deal_stage", FieldType.Text),
            0.5).Use);
    }

    private static FieldVerdict Judge(string key, KnownBeforeContact known = KnownBeforeContact.NotSure,
        bool leftOut = false)
    {
        var field = CatalogField.Guess(key, FieldType.Text) with { KnownBeforeContact = known, LeftOut = leftOut };
        var group = Signals.ForField(field, Data.Batch, 20);
        return FieldGuard.Judge(group, field, FieldGuard.AloneAuc(group, Enumerable.Range(0, Data.Batch.Count)
            .ToList(), Data.Labels, HalfSplit));
    }

    private static (LeadBatch, IReadOnlyList<bool>) Generate(int count)
    {
        var random = new Random(3);
        var labels = Enumerable.Range(0, count).Select(_ => random.NextDouble() < 0.5).ToList();
        string Agreeing(bool converted, double agreement, string yes, string no) =>
            converted == random.NextDouble() < agreement ? yes : no;
        var leads = labels.Select((converted, i) =>
            new Lead($"l{i}", new Dictionary<string, FieldValue>(StringComparer.OrdinalIgnoreCase)
        {
            ["tags"] = FieldValue.OfText(Agreeing(converted, 0.95, "Will revert", "Ringing")),
            ["lead_quality"] = FieldValue.OfText(Agreeing(converted, 0.8, "High", "Low")),
            ["country"] = FieldValue.OfText(random.NextDouble() < 0.5 ? "PT" : "ES"),
            ["deal_stage"] = FieldValue.OfText(random.NextDouble() < 0.5 ? "open" : "closed"),
            ["call_result"] = i % 3 == 0 ? FieldValue.OfText(Agreeing(converted,
                0.97, "interested", "declined")) : FieldValue.Missing,
        }, [])).ToList();
        return (LeadBatch.From(leads), labels);
    }
}
