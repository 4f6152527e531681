using System.Text;
using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Fields;
using LeadScoringStudio.Features.Import;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Fields;

public class WorkspaceFieldsTests : StorageTest
{
    public WorkspaceFieldsTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected WorkspaceFieldsTests(StorageProvider provider)
        : base(seedDemo: true, leadCount: 60, provider: provider)
    {
    }

    private const string Export = """
        Prospect ID,Lead Source,TotalVisits,Do Not Email,Last Activity,Tags,Converted
        p-1,Google,3,No,Email Opened,Will revert,1
        p-2,Direct,0,Yes,Select,Ringing,0
        p-3,Google,12,No,Page Visited,Select,1
        """;

    private WorkspaceFields Fields => Services.GetRequiredService<WorkspaceFields>();

    [SkippableFact]
    public async Task Every_column_an_import_brings_becomes_a_field_with_its_type_dimension_and_values_seen()
    {
        await ImportAsync(Export);

        var entries = (await Fields.EntriesAsync()).ToDictionary(e => e.Key);

        var visits = entries["totalvisits"];
        Assert.Equal(("TotalVisits", FieldType.Number, Dimension.Engagement, KnownBeforeContact.NotSure),
            (visits.Field.Label, visits.Field.Type, visits.Field.Dimension, visits.Field.KnownBeforeContact));
        Assert.Equal((FieldType.YesNo, Dimension.Fit),
            (entries["do_not_email"].Field.Type, entries["do_not_email"].Field.Dimension));
        Assert.Equal(Dimension.Engagement, entries["last_activity"].Field.Dimension);
        Assert.Equal([("Google", 2), ("Direct", 1)],
            entries["lead_source"].Profile.TopValues.Select(v => (v.Value, v.Count)));
        Assert.Equal(2, entries["tags"].Profile.Filled); // "Select" meant no value
        Assert.Equal("Seniority",
            entries["seniority"].Field.Label); // the demo's own fields are there too, as the model names them
    }

    [SkippableFact]
    public async Task Saying_a_field_is_recorded_after_contact_is_kept_and_only_ops_and_marketing_may_say_it()
    {
        await ImportAsync(Export);

        var refused = await Fields.ChangeAsync("tags", f => f with { KnownBeforeContact = KnownBeforeContact.No },
            Principals.Sales);
        var saved = await Fields.ChangeAsync("tags", f =>
            f with { KnownBeforeContact = KnownBeforeContact.No, Label = "Tags (set by sales)" }, Principals.Marketing);

        Assert.Equal(SaveStatus.Refused, refused.Status);
        Assert.True(saved.Succeeded, saved.Message);
        var tags = (await Fields.FieldsAsync()).Single(f => f.Key == "tags");
        Assert.Equal((KnownBeforeContact.No, "Tags (set by sales)"), (tags.KnownBeforeContact, tags.Label));
    }

    [SkippableFact]
    public async Task A_new_type_converts_every_stored_value_or_changes_nothing_and_names_the_values_it_cannot_read()
    {
        await ImportAsync("id,seats\nn-1,250\nn-2,lots\n", textColumns: ["seats"]);

        var refused = await Fields.ChangeAsync("seats", f => f with { Type = FieldType.Number }, Principals.Ops);

        Assert.Equal(SaveStatus.Invalid, refused.Status);
        Assert.Contains("lead n-2: 'lots'", refused.Message);
        Assert.Equal(FieldType.Text, (await Lead("n-1")).Attribute("seats").Type);

        await ImportAsync("id,seats\nn-2,300\n", textColumns: ["seats"]);
        var converted = await Fields.ChangeAsync("seats", f => f with { Type = FieldType.Number }, Principals.Ops);

        Assert.True(converted.Succeeded, converted.Message);
        Assert.Equal((250.0, 300.0), ((await Lead("n-1")).Attribute("seats").Number, (await Lead("n-2"))
            .Attribute("seats").Number));
        Assert.Equal(FieldType.Number, (await Fields.FieldsAsync()).Single(f => f.Key == "seats").Type);
    }

    [SkippableFact]
    public async Task A_file_with_mostly_the_same_columns_gets_each_remembered_column_mapping_back()
    {
        var importer = Services.GetRequiredService<LeadImportService>();
        var first = Table(Export);
        var proposal = await importer.ProposeAsync(first, ImportOptions.Default);
        var mapping = proposal.Mapping.Select(m =>
            m.Column == "Tags" ? m with { Target = ColumnTarget.Ignore } : m.Column == "TotalVisits" ? m with { Field = "visits" } : m).ToList();
        var plan = await importer.DryRunAsync(new ImportFiles(first, null), mapping, null, ImportOptions.Default);
        await importer.CommitAsync(new ImportFiles(first, null), plan, mapping, null, false, Principals.Ops);

        var next = await importer.ProposeAsync(Table("Prospect ID,TotalVisits,Tags,City\np-9,4,Busy,Lisbon\n"),
            ImportOptions.Default);

        Assert.Equal(3, next.Remembered);
        Assert.Equal(ColumnTarget.Ignore, next.Mapping.Single(m => m.Column == "Tags").Target);
        Assert.Equal("visits", next.Mapping.Single(m => m.Column == "TotalVisits").Field);
        Assert.Equal(("city", ColumnTarget.Attribute),
            (next.Mapping.Single(m => m.Column == "City").Field, next.Mapping.Single(m => m.Column == "City").Target));
    }

    private async Task ImportAsync(string csv, params string[] textColumns)
    {
        var importer = Services.GetRequiredService<LeadImportService>();
        var table = Table(csv);
        var mapping = (await importer.ProposeAsync(table, ImportOptions.Default)).Mapping
            .Select(m => textColumns.Contains(m.Column) ? m with { Type = FieldType.Text } : m).ToList();
        var plan = await importer.DryRunAsync(new ImportFiles(table, null), mapping, null, ImportOptions.Default);
        Assert.True(plan.IsClean, string.Join("; ", plan.Problems));
        await importer.CommitAsync(new ImportFiles(table, null), plan, mapping, null, false, Principals.Ops);
    }

    private async Task<Lead> Lead(string id) =>
        (await Services.GetRequiredService<LeadRepository>().FindAsync(id))!.Lead;

    private static CsvTable Table(string csv) => CsvFile.Read("export.csv", Encoding.UTF8.GetBytes(csv)).Table!;
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class WorkspaceFieldsOnPostgreSqlTests() : WorkspaceFieldsTests(StorageProvider.PostgreSql);
