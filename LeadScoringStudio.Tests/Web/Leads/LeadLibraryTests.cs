using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Leads;

public class LeadLibraryTests : StorageTest
{
    public LeadLibraryTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected LeadLibraryTests(StorageProvider provider)
        : base(seedDemo: true, leadCount: 40, provider: provider)
    {
    }

    private LeadLibrary Library => Services.GetRequiredService<LeadLibrary>();

    [SkippableFact]
    public async Task Loading_reads_every_stored_lead_in_storage_order_with_its_outcome_and_story()
    {
        var stored = await Services.GetRequiredService<LeadRepository>().LoadAllAsync();

        var loaded = await Library.GetAsync();

        Assert.Equal(stored.Select(s => s.Lead.Id), loaded.Batch.LeadIds);
        for (var i = 0; i < stored.Count; i++)
        {
            var read = loaded.Leads[i];
            Assert.Equal((stored[i].Outcome, stored[i].OutcomeSource, stored[i].ExampleStory),
                (read.Outcome, read.OutcomeSource, read.ExampleStory));
            Assert.Equal(stored[i].Lead.Attributes.OrderBy(a => a.Key), read.Lead.Attributes.OrderBy(a => a.Key));
            Assert.Equal(stored[i].Lead.Activities.Select(a => (a.Type, a.At)).Order(),
                read.Lead.Activities.Select(a => (a.Type, a.At)).Order());
        }
    }

    [SkippableFact]
    public async Task A_write_is_taken_in_by_reading_only_the_leads_it_names()
    {
        var before = await Library.GetAsync();
        var (changedId, untouchedId) = (before.IdAt(5), before.IdAt(6));
        var seniorityBefore = before.Leads[5].Lead.Attribute("seniority");
        await using (var db = await Services.GetRequiredService<IDbContextFactory<StudioDbContext>>()
            .CreateDbContextAsync())
        {
            // Behind the library's back: a lead nobody names must keep what the library loaded.
            var untouched = await db.Leads.SingleAsync(l => l.ExternalId == untouchedId);
            untouched.AttributesJson = "{}";
            await db.SaveChangesAsync();
        }

        var summary = await Services.GetRequiredService<LeadWriter>().UpsertAsync(
        [
            new ImportedLead(1, changedId,
                new Dictionary<string, FieldValue> { ["seniority"] = FieldValue.OfText("CXO") }, LeadOutcome.Converted),
            new ImportedLead(2, "brand-new",
                new Dictionary<string, FieldValue> { ["name"] = FieldValue.OfText("Nia New") }, null),
        ], []);
        Library.Changed(summary.Changed);

        var after = await Library.GetAsync();
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Equal(5, after.PositionOf(changedId));
        Assert.Equal("CXO", after.Leads[5].Lead.Attribute("seniority").ToString());
        Assert.Equal(LeadOutcome.Converted, after.OutcomeAt(5).Outcome);
        Assert.Equal("Nia New", after.Leads[before.Count].Lead.Name);
        Assert.Equal(before.Leads[6].Lead.Attributes.Count, after.Leads[6].Lead.Attributes.Count);
        Assert.Equal([before.Count], after.Search("nia new"));
        Assert.Equal(seniorityBefore, before.Leads[5].Lead.Attribute("seniority"));
    }

    [SkippableFact]
    public async Task A_new_outcome_given_while_leads_load_is_kept_once_they_have_loaded()
    {
        Library.Invalidate();
        var loading = Library.GetAsync();
        var leadId = (await Services.GetRequiredService<LeadRepository>().LoadAllAsync())[3].Lead.Id;

        Library.SetOutcome(leadId, new KnownOutcome(LeadOutcome.NotConverted, OutcomeSource.Sales));

        var loaded = await Library.GetAsync();
        Assert.Equal(new KnownOutcome(LeadOutcome.NotConverted, OutcomeSource.Sales), loaded.OutcomeAt(3));
        Assert.NotSame(await loading, loaded);
    }
}

public sealed class LeadLibraryOnPostgreSqlTests() : LeadLibraryTests(StorageProvider.PostgreSql);
