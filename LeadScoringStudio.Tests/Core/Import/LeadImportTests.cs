using System.Text;
using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Tests.Core.Import;

public class LeadImportTests
{
    private static readonly ScoringModel Model = StarterModel.Create();

    [Fact]
    public void Suggests_a_mapping_from_column_names_the_models_fields_and_the_values()
    {
        var table = Table("""
            Lead ID,E-mail,Company,Company size (employees),Seniority,Favourite colour,Total visits,Do not e-mail,Signed up,Outcome
            c-1,ada@acme.com,Acme,1200,VP,green,3,No,2026-03-01,won
            c-2,ben@beta.io,Beta,40,Select,blue,0,Yes,2026-03-04 09:12,lost
            """);

        var mapping = Suggest(table);

        Assert.Equal(
        [
            ColumnTarget.LeadId, ColumnTarget.Email, ColumnTarget.Company, ColumnTarget.Attribute,
                ColumnTarget.Attribute, ColumnTarget.Attribute,
            ColumnTarget.Attribute, ColumnTarget.Attribute, ColumnTarget.Attribute, ColumnTarget.Outcome,
        ], mapping.Select(m => m.Target));
        Assert.Equal(("company_size", FieldType.Number), (mapping[3].Field, mapping[3].Type));
        Assert.Equal(["Select"], mapping[4].MissingValues);
        Assert.Equal(("favourite_colour", FieldType.Text), (mapping[5].Field, mapping[5].Type));
        Assert.Equal([FieldType.Number, FieldType.YesNo, FieldType.Date], mapping.Skip(6).Take(3).Select(m => m.Type));
    }

    [Fact]
    public void A_good_file_becomes_leads_with_typed_values_missing_placeholders_and_outcomes()
    {
        var plan = Plan("""
            id,name,email,company_size,budget_confirmed,seniority,outcome
            c-1,Ada Brooks,ada@acme.com,1200,yes,VP,won
            c-2,Ben Costa,ben@beta.io,N/A,no,Select,
            c-3,Cy Dubois,cy@gamma.de,-,yes,Director,lost
            """);

        Assert.True(plan.IsClean);
        Assert.Equal(["c-1", "c-2", "c-3"], plan.ReadLeads().Select(l => l.Id));
        var ada = plan.ReadLeads().ToList()[0];
        Assert.Equal((1200.0, true, "VP", "Ada Brooks"),
            (ada.Attributes["company_size"].Number, ada.Attributes["budget_confirmed"].Yes,
            ada.Attributes["seniority"].Text, ada.Attributes["name"].Text));
        Assert.False(plan.ReadLeads().ToList()[1].Attributes.ContainsKey("company_size"));
        Assert.False(plan.ReadLeads().ToList()[1].Attributes.ContainsKey("seniority"));
        Assert.Equal([LeadOutcome.Converted, LeadOutcome.Unknown, LeadOutcome.NotConverted],
            plan.ReadLeads().Select(l => l.Outcome!.Value));
    }

    [Fact]
    public void Every_bad_cell_is_listed_with_row_column_and_reason_and_its_row_left_out()
    {
        var plan = Plan("""
            id,company_size,last_contact,budget_confirmed,outcome
            a,12x,2026-01-01,yes,won
            b,10,01/02/2026,yes,won
            c,10,2026-01-01,maybe,won
            a,10,2026-01-01,yes,won
            ,10,2026-01-01,yes,won
            f,10,2026-01-01,yes,perhaps
            g,7,2026-01-01,no,no
            """, ("last_contact", FieldType.Date));

        Assert.Equal(
        [
            "row 2, column 'company_size': '12x' is not a number (use a dot for decimals, no thousands separators)",
            "row 3, column 'last_contact': '01/02/2026' is not a date (use yyyy-mm-dd)",
            "row 4, column 'budget_confirmed': 'maybe' is not yes or no",
            "row 5, column 'id': duplicate id 'a' (also on row 2)",
            "row 6, column 'id': the lead id is empty",
            "row 7, column 'outcome': 'perhaps' is not an outcome (use converted/won/yes or lost/no, or leave it " +
                "empty)",
        ], plan.Problems.Select(p => p.ToString().Replace("leads.csv, ", "")));
        Assert.Equal(6, plan.BadRows);
        Assert.Equal(["g"], plan.ReadLeads().Select(l => l.Id));
    }

    [Fact]
    public void Without_an_id_column_nothing_is_imported_until_the_row_number_is_chosen_as_the_id()
    {
        var table = Table("name\nAda\nBen\n", "crm export.csv");
        ColumnMapping[] mapping = [new("name", ColumnTarget.Name)];

        var refused = LeadImport.Plan(table, mapping, ImportOptions.Default);
        var numbered = LeadImport.Plan(table, mapping, ImportOptions.Default with { RowNumberIds = true });

        var problem = Assert.Single(refused.FileProblems);
        Assert.Equal("no column is mapped to the lead id: map the column that identifies each lead, or use the row " +
            "number as the id", problem.Reason);
        Assert.Equal((0, 0), (refused.LeadCount, refused.BadRows));
        Assert.True(numbered.IsClean);
        Assert.Equal(["crm_export-2", "crm_export-3"], numbered.ReadLeads().Select(l => l.Id));
    }

    [Fact]
    public void Texts_a_column_marks_as_missing_are_missing_in_that_column_only()
    {
        var table = Table("id,pdays,note\n1,999,999\n2,3,x\n");
        ColumnMapping[] mapping =
        [
            new("id", ColumnTarget.LeadId),
            new("pdays", ColumnTarget.Attribute, "pdays", FieldType.Number) { MissingValues = ["999"] },
            new("note", ColumnTarget.Attribute, "note"),
        ];

        var plan = LeadImport.Plan(table, mapping, ImportOptions.Default);

        Assert.False(plan.ReadLeads().ToList()[0].Attributes.ContainsKey("pdays"));
        Assert.Equal("999", plan.ReadLeads().ToList()[0].Attributes["note"].Text);
        Assert.Equal(3, plan.ReadLeads().ToList()[1].Attributes["pdays"].Number);
    }

    [Fact]
    public void The_missing_value_placeholders_are_configurable()
    {
        var plan = LeadImport.Plan(Table("id,seniority\n1,unknown\n"),
            [new("id", ColumnTarget.LeadId), new("seniority", ColumnTarget.Attribute, "seniority")],
            new ImportOptions(["unknown"]));

        Assert.False(plan.ReadLeads().ToList()[0].Attributes.ContainsKey("seniority"));
    }

    [Fact]
    public void Activities_need_a_known_lead_a_known_type_and_a_date_and_keep_other_columns_as_properties()
    {
        var leads = Table("id,name\nc-1,Ada\n");
        var activities = Table("""
            lead_id,type,at,url
            c-1,page_visit,2026-05-01T10:00:00Z,/pricing
            c-1,podcast,2026-05-01T10:00:00Z,
            c-9,page_visit,2026-05-01T10:00:00Z,/
            existing-7,page_visit,yesterday,/
            existing-7,form_fill,2026-05-02,
            """, "activities.csv");

        var plan = LeadImport.Plan(leads, Suggest(leads), ImportOptions.Default,
            activities, MappingSuggestions.ForActivities(activities.Columns), Model,
                new HashSet<string> { "existing-7" });

        Assert.Equal(
        [
            "activities.csv, row 3, column 'type': unknown activity type 'podcast'; the model knows page_visit, " +
                "content_download, webinar, email_click, form_fill, demo_request, trial_signup, trial_activity, " +
                "intent_signal",
            "activities.csv, row 4, column 'lead_id': there is no lead with id 'c-9' in the leads file or the " +
                "workspace",
            "activities.csv, row 5, column 'at': 'yesterday' is not a date and time (use e.g. 2026-05-01T14:30:00Z)",
        ], plan.Problems.Select(p => p.ToString()));
        Assert.Equal(2, plan.ActivityCount);
        Assert.Equal("/pricing", plan.ReadActivities().ToList()[0].Activity.Property("url"));
        Assert.Equal(new DateTimeOffset(2026, 5, 2, 0, 0, 0, TimeSpan.Zero), plan.ReadActivities()
            .ToList()[1].Activity.At);
        Assert.Empty(plan.ReadActivities().ToList()[1].Activity.Properties);
    }

    [Fact]
    public void An_activity_before_1970_or_more_than_a_day_ahead_is_a_problem_of_its_row()
    {
        var leads = Table("id,name\nc-1,Ada\n");
        var activities = Table(
            "lead_id,type,at\nc-1,page_visit,1900-01-01\nc-1,page_visit,2027-06-01\nc-1,page_visit,2026-11-30\n",
            "activities.csv");

        var plan = LeadImport.Plan(leads, Suggest(leads), ImportOptions.Default, activities,
            MappingSuggestions.ForActivities(activities.Columns), Model,
                now: new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(["row 2: 1900-01-01 is before 1970", "row 3: 2027-06-01 00:00 is in the future"],
            plan.Problems.Select(p => $"row {p.Line}: {p.Reason}"));
        Assert.Equal(1, plan.ActivityCount);
    }

    private static ImportPlan Plan(string csv, params (string Field, FieldType Type)[] extraTypes)
    {
        var table = Table(csv);
        var mapping = Suggest(table)
            .Select(m => extraTypes.FirstOrDefault(t =>
                t.Field == m.Field) is { Field: not null } t ? m with { Type = t.Type } : m)
            .ToList();
        return LeadImport.Plan(table, mapping, ImportOptions.Default);
    }

    private static IReadOnlyList<ColumnMapping> Suggest(CsvTable table) =>
        MappingSuggestions.ForLeads(table, Model, ColumnGuess.Of(table, ImportOptions.Default));

    private static CsvTable Table(string csv, string name = "leads.csv") =>
        CsvFile.Read(name, Encoding.UTF8.GetBytes(csv)).Table!;
}
