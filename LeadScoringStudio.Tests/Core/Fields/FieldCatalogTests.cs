using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Tests.Core.Fields;

public class FieldCatalogTests
{
    [Theory]
    [InlineData("TotalVisits", Dimension.Engagement)]
    [InlineData("Total Visits", Dimension.Engagement)]
    [InlineData("Total Time Spent on Website", Dimension.Engagement)]
    [InlineData("time_on_site", Dimension.Engagement)]
    [InlineData("Last Activity", Dimension.Engagement)]
    [InlineData("Page Views Per Visit", Dimension.Engagement)]
    [InlineData("form_fills", Dimension.Engagement)]
    [InlineData("Platform", Dimension.Fit)]
    [InlineData("What is your current occupation", Dimension.Fit)]
    [InlineData("campaign", Dimension.Engagement)]
    public void The_dimension_is_guessed_from_words_of_the_name(string name, Dimension expected) =>
        Assert.Equal(expected, DimensionGuess.For(name));

    [Fact]
    public void A_profile_counts_fill_rate_distinct_values_ignoring_case_and_shows_examples()
    {
        var batch = LeadBatch.From(
        [
            Lead("1", ("industry", FieldValue.OfText("Software")), ("visits", FieldValue.OfNumber(3))),
            Lead("2", ("industry", FieldValue.OfText("software")), ("visits", FieldValue.OfNumber(40))),
            Lead("3", ("industry", FieldValue.OfText("Banking")), ("visits", FieldValue.OfNumber(7))),
            Lead("4"),
        ]);

        var profiles = FieldProfile.Of(batch).ToDictionary(p => p.Key);

        var industry = profiles["industry"];
        Assert.Equal((4, 3, 0.75, 2), (industry.Leads, industry.Filled, industry.FillRate, industry.Distinct));
        Assert.Equal(("Software", 2), (industry.TopValues[0].Value, industry.TopValues[0].Count));
        Assert.Equal(FieldType.Text, industry.SeenType);
        Assert.Equal(["3", "7", "40"], profiles["visits"].Examples); // lowest, middle, highest
    }

    [Fact]
    public void The_catalog_holds_described_fields_model_fields_and_every_attribute_the_leads_carry()
    {
        var described = new CatalogField("pdays", "Days since last contact", FieldType.Number, Dimension.Engagement,
            KnownBeforeContact.Yes);
        var profiles = FieldProfile.Of(LeadBatch.From([Lead("1", ("pdays", FieldValue.OfNumber(3)),
            ("Lead Source", FieldValue.OfText("Google")), ("seniority", FieldValue.OfText("VP")))]));

        var catalog = FieldCatalog.Compose([described],
            [new FieldDefinition("seniority", "Seniority", FieldType.Text),
            new FieldDefinition("budget", "Budget", FieldType.YesNo)], profiles, 1)
            .ToDictionary(e => e.Key);

        Assert.Equal(["budget", "Lead Source", "pdays", "seniority"],
            catalog.Keys.Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(described, catalog["pdays"].Field);
        Assert.Equal(("Seniority", 1.0), (catalog["seniority"].Field.Label, catalog["seniority"].Profile.FillRate));
        Assert.Equal((0, FieldType.YesNo), (catalog["budget"].Profile.Filled, catalog["budget"].Field.Type));
        Assert.Equal((FieldType.Text, Dimension.Fit, KnownBeforeContact.NotSure),
            (catalog["Lead Source"].Field.Type, catalog["Lead Source"].Field.Dimension,
            catalog["Lead Source"].Field.KnownBeforeContact));
    }

    private static Lead Lead(string id, params (string Field, FieldValue Value)[] values) =>
        new(id, values.ToDictionary(v => v.Field, v => v.Value, StringComparer.OrdinalIgnoreCase), []);
}
