using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Data;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Data;

public class LeadStorageTests : StorageTest
{
    public LeadStorageTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected LeadStorageTests(StorageProvider provider)
        : base(seedDemo: false, provider: provider)
    {
    }

    [SkippableFact]
    public async Task Leads_read_back_with_every_value_type_activity_property_outcome_and_story()
    {
        var lead = new Lead(
            "crm-42",
            new Dictionary<string, FieldValue>
            {
                ["name"] = FieldValue.OfText("Ada Brooks"),
                ["company_size"] = FieldValue.OfNumber(1234.5),
                ["budget"] = FieldValue.OfYesNo(false),
                ["founded"] = FieldValue.OfDate(new DateOnly(1999, 12, 31)),
            },
            [
                new Activity("page_visit", TestSupport.Leads.AsOf.AddDays(-1), new Dictionary<string, string> { ["url"] = "/pricing", ["source"] = "organic" }),
                new Activity("demo_request", TestSupport.Leads.AsOf.AddHours(-30)),
            ]);
        var repository = Services.GetRequiredService<LeadRepository>();

        await repository.AddAsync([new StoredLead(lead, LeadOutcome.Converted, "A story."), new StoredLead(lead with { Id = "crm-43" }, LeadOutcome.Unknown, null)]);

        var stored = await repository.LoadAllAsync();
        Assert.Equal(2, await repository.CountAsync());
        var first = stored[0];
        Assert.Equal((LeadOutcome.Converted, "A story.", true), (first.Outcome, first.ExampleStory, first.IsExample));
        Assert.Equal(lead.Attributes.OrderBy(a => a.Key), first.Lead.Attributes.OrderBy(a => a.Key));
        Assert.Equal(lead.Activities.Select(a => (a.Type, a.At, string.Join(";", a.Properties.OrderBy(p => p.Key)))),
                     first.Lead.Activities.Select(a => (a.Type, a.At, string.Join(";", a.Properties.OrderBy(p => p.Key)))));
        Assert.Equal("/pricing", first.Lead.Activities[0].Property("URL"));
        Assert.False(stored[1].IsExample);
    }

    [SkippableFact]
    public void A_stored_value_that_does_not_fit_its_type_is_reported_with_lead_and_field() =>
        Assert.Contains(
            "Lead x: attribute 'size' holds 'lots', which is not a Number",
            Assert.Throws<InvalidDataException>(() => LeadJson.Read("x", """{"size":{"type":"number","value":"lots"}}""", "[]")).Message);
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class LeadStorageOnPostgreSqlTests() : LeadStorageTests(StorageProvider.PostgreSql);
