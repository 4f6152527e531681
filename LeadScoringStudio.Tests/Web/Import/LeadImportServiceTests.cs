using System.Text;
using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Import;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Import;

public class LeadImportServiceTests : StorageTest
{
    public LeadImportServiceTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected LeadImportServiceTests(StorageProvider provider)
        : base(seedDemo: true, leadCount: 20, provider: provider)
    {
    }

    private const string GoodLeads = """
        id,name,email,company_size,seniority,outcome
        new-1,Ada Brooks,ada@acme.com,1200,VP,won
        new-2,Ben Costa,ben@beta.io,N/A,Manager,
        ex-student,,,,Director,
        """;

    private LeadImportService Importer => Services.GetRequiredService<LeadImportService>();

    [SkippableFact]
    public async Task A_clean_file_inserts_new_leads_updates_known_ones_and_is_recorded()
    {
        var (files, mapping) = Files(GoodLeads);
        var plan = await Importer.DryRunAsync(files, mapping, null, ImportOptions.Default);

        var result = await Importer.CommitAsync(files, plan, mapping, null, skipBadRows: false, Principals.Marketing);

        Assert.Equal((2, 1, 0), (result.Summary!.Inserted, result.Summary.Updated, result.Summary.ActivitiesAdded));
        Assert.Equal(["ex-student", "new-1", "new-2"], result.Summary.Changed.Order(StringComparer.Ordinal));
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

    [SkippableFact]
    public async Task A_file_with_problems_writes_nothing_unless_told_to_skip_the_bad_rows()
    {
        var (files, mapping) = Files(GoodLeads + "\nnew-3,Cy,cy@gamma.de,lots,VP,\n");
        var plan = await Importer.DryRunAsync(files, mapping, null, ImportOptions.Default);
        var count = await Services.GetRequiredService<LeadRepository>().CountAsync();

        var refused = await Importer.CommitAsync(files, plan, mapping, null, skipBadRows: false, Principals.Ops);
        Assert.Contains("The files have problems", refused.Refusal);
        Assert.Equal(count, await Services.GetRequiredService<LeadRepository>().CountAsync());

        var result = await Importer.CommitAsync(files, plan, mapping, null, skipBadRows: true, Principals.Ops);
        Assert.Equal(2, result.Summary!.Inserted);
        Assert.Null(await Services.GetRequiredService<LeadRepository>().FindAsync("new-3"));
        var history = (await Services.GetRequiredService<ImportRepository>().HistoryAsync())[0];
        Assert.Equal((1, "leads.csv row 5"), (history.Skipped, history.SkippedRows));
    }

    [SkippableFact]
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

        var result = await Importer.CommitAsync(files, plan, mapping, activityMapping, skipBadRows: false,
            Principals.Ops);

        Assert.Equal(2, result.Summary!.ActivitiesAdded);
        Assert.Equal(before + 1, (await Services.GetRequiredService<LeadRepository>()
            .FindAsync("ex-student"))!.Lead.Activities.Count);
    }

    [SkippableFact]
    public async Task Sales_may_not_import()
    {
        var (files, mapping) = Files(GoodLeads);
        var plan = await Importer.DryRunAsync(files, mapping, null, ImportOptions.Default);

        var result = await Importer.CommitAsync(files, plan, mapping, null, false, Principals.Sales);

        Assert.Equal((null, "Only Ops and Marketing can import leads."), (result.Summary, result.Refusal));
    }

    [SkippableTheory]
    [InlineData("new-3,Cy,cy@gamma.de,10,VP\n", "has 5 cells but the header has 6 columns")]
    [InlineData("new-3,\"Cy,cy@gamma.de,10,VP,\nnew-4,Di,di@delta.de,20,VP,\n",
        "never closed, so rows 5 to 6 cannot be read")]
    public async Task A_row_that_cannot_be_read_is_a_problem_of_the_check_and_blocks_the_import_until_skipped(
        string bad, string said)
    {
        var (files, mapping) = Files(GoodLeads + "\n" + bad);
        var plan = await Importer.DryRunAsync(files, mapping, null, ImportOptions.Default);

        Assert.False(plan.IsClean);
        Assert.Contains(plan.Problems, p => p.Line == 5 && p.Reason.Contains(said));
        Assert.Contains("The files have problems",
            (await Importer.CommitAsync(files, plan, mapping, null, false, Principals.Ops)).Refusal);
        Assert.NotNull((await Importer.CommitAsync(files, plan, mapping, null, true, Principals.Ops)).Summary);
        var history = (await Services.GetRequiredService<ImportRepository>().HistoryAsync())[0];
        Assert.Equal((1, "leads.csv row 5"), (history.Skipped, history.SkippedRows));
    }

    [SkippableFact]
    public async Task An_activity_of_a_skipped_new_lead_is_skipped_too_and_nothing_crashes()
    {
        var (files, mapping) = Files(GoodLeads + "\nnew-3,Cy,cy@gamma.de,lots,VP,\n", """
            lead_id,type,at,url
            new-3,page_visit,2026-05-01T10:00:00Z,/pricing
            new-1,page_visit,2026-05-01T10:00:00Z,/pricing
            """);
        var activityMapping = MappingSuggestions.ForActivities(files.Activities!.Columns);
        var plan = await Importer.DryRunAsync(files, mapping, activityMapping, ImportOptions.Default);

        Assert.Contains(plan.Problems, p => p is { File: "activities.csv", Line: 2 }
            && p.Reason.Contains("row 5) has problems"));
        var result = await Importer.CommitAsync(files, plan, mapping, activityMapping, true, Principals.Ops);

        Assert.Equal((3, 1), (result.Summary!.Inserted + result.Summary.Updated, result.Summary.ActivitiesAdded));
        Assert.Null(await Services.GetRequiredService<LeadRepository>().FindAsync("new-3"));
        Assert.Equal("activities.csv row 2; leads.csv row 5",
            (await Services.GetRequiredService<ImportRepository>().HistoryAsync())[0].SkippedRows);
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

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class LeadImportServiceOnPostgreSqlTests() : LeadImportServiceTests(StorageProvider.PostgreSql);
