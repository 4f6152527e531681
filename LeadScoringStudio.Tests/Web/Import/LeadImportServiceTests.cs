using System.Text;
using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Import;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Import;

public sealed class LeadImportServiceTests() : StorageTest(seedDemo: true, leadCount: 20)
{
    private const string GoodLeads = """
        id,name,email,company_size,seniority,outcome
        new-1,Ada Brooks,ada@acme.com,1200,VP,won
        new-2,Ben Costa,ben@beta.io,N/A,Manager,
        ex-student,,,,Director,
        """;

    private LeadImportService Importer => Services.GetRequiredService<LeadImportService>();

    [Fact]
    public async Task A_clean_file_inserts_new_leads_updates_known_ones_and_is_recorded()
    {
        var (files, mapping) = Files(GoodLeads);
        var plan = await Importer.DryRunAsync(files, mapping, null, ImportOptions.Default);

        var summary = await Importer.CommitAsync(files, plan, mapping, null, skipBadRows: false, Principals.Marketing);

        Assert.Equal(new WriteSummary(2, 1, 0), summary);
        var leads = Services.GetRequiredService<LeadRepository>();
        var ada = (await leads.FindAsync("new-1"))!;
        Assert.Equal((1200.0, LeadOutcome.Converted, "Ada Brooks"),
            (ada.Lead.Attribute("company_size").Number, ada.Outcome, ada.Lead.Name));
        var student = (await leads.FindAsync("ex-student"))!;
        Assert.Equal(("Director", "Zoe Young"), (student.Lead.Attribute("seniority").Text, student.Lead.Name));
        Assert.NotNull(student.ExampleStory);
        var history = Assert.Single(await Services.GetRequiredService<ImportRepository>().HistoryAsync());
        Assert.Equal(("leads.csv", 3, 2, 1, "maya@example.com"),
            (history.Files, history.Rows, history.Inserted, history.Updated, history.By));
        var remembered = await Services.GetRequiredService<ImportRepository>().ColumnsAsync(files.Leads.Columns);
        Assert.Equal(mapping.Select(m => (m.Column, m.Target, m.Field, m.Type)),
            files.Leads.Columns.Select(c => remembered[c]).Select(m => (m.Column, m.Target, m.Field, m.Type)));
    }

    [Fact]
    public async Task A_file_with_problems_writes_nothing_unless_told_to_skip_the_bad_rows()
    {
        var (files, mapping) = Files(GoodLeads + "\nnew-3,Cy,cy@gamma.de,lots,VP,\n");
        var plan = await Importer.DryRunAsync(files, mapping, null, ImportOptions.Default);
        var count = await Services.GetRequiredService<LeadRepository>().CountAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Importer.CommitAsync(files, plan, mapping, null, skipBadRows: false, Principals.Ops));
        Assert.Equal(count, await Services.GetRequiredService<LeadRepository>().CountAsync());

        var summary = await Importer.CommitAsync(files, plan, mapping, null, skipBadRows: true, Principals.Ops);
        Assert.Equal(2, summary.Inserted);
        Assert.Null(await Services.GetRequiredService<LeadRepository>().FindAsync("new-3"));
        Assert.Equal(1, (await Services.GetRequiredService<ImportRepository>().HistoryAsync())[0].Skipped);
    }

    [Fact]
    public async Task Activities_are_added_to_new_and_stored_leads_and_exact_repeats_ignored()
    {
        var (files, mapping) = Files(GoodLeads, """
            lead_id,type,at,url
            new-1,page_visit,2026-05-01T10:00:00Z,/pricing
            ex-student,demo_request,2026-05-02T10:00:00Z,
            ex-student,demo_request,2026-05-02T10:00:00Z,
            """);
        var activityMapping = MappingSuggestions.ForActivities(files.Activities!.Columns);
        var plan = await Importer.DryRunAsync(files, mapping, activityMapping, ImportOptions.Default);
        var before = (await Services.GetRequiredService<LeadRepository>()
            .FindAsync("ex-student"))!.Lead.Activities.Count;

        var summary = await Importer.CommitAsync(files, plan, mapping, activityMapping, skipBadRows: false,
            Principals.Ops);

        Assert.Equal(2, summary.ActivitiesAdded);
        Assert.Equal(before + 1, (await Services.GetRequiredService<LeadRepository>()
            .FindAsync("ex-student"))!.Lead.Activities.Count);
    }

    [Fact]
    public async Task Sales_may_not_import()
    {
        var (files, mapping) = Files(GoodLeads);
        var plan = await Importer.DryRunAsync(files, mapping, null, ImportOptions.Default);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            Importer.CommitAsync(files, plan, mapping, null, false, Principals.Sales));
    }

    private static (ImportFiles Files, IReadOnlyList<ColumnMapping> Mapping) Files(string leads,
        string? activities = null)
    {
        var leadTable = CsvFile.Read("leads.csv", Encoding.UTF8.GetBytes(leads)).Table!;
        var activityTable = activities is null ? null : CsvFile.Read("activities.csv",
            Encoding.UTF8.GetBytes(activities)).Table!;
        return (new ImportFiles(leadTable, activityTable),
            MappingSuggestions.ForLeads(leadTable, StarterModel.Create(),
            ColumnGuess.Of(leadTable, ImportOptions.Default)));
    }
}
