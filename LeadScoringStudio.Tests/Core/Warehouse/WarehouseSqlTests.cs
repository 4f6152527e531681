using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Warehouse;
using static LeadScoringStudio.Tests.TestSupport.Models;

namespace LeadScoringStudio.Tests.Core.Warehouse;

public class WarehouseSqlTests
{
    private static readonly SqlHeader Header =
        new("Starter model", 7, "olga@example.com", new DateTimeOffset(2026, 11, 30, 16, 45, 0, TimeSpan.FromHours(1)));

    [Fact]
    public void The_header_names_the_model_version_publisher_and_time_and_says_how_to_set_the_scoring_moment()
    {
        var sql = WarehouseSql.Write(StarterModel.Create(), Header, WarehouseMapping.Default, SqlDialect.PostgreSql)
            .Sql!;

        var header = sql.Split('\n').TakeWhile(l => l.StartsWith("--", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("-- Lead Scoring Studio: Starter model, version 7, published by olga@example.com on " +
                          "2026-11-30 15:45 UTC.", header[0]);
        Assert.Contains(header, l => l.Contains("SET lead_scoring.as_of", StringComparison.Ordinal));
        Assert.Contains(header, l => l.StartsWith("-- Reads leads(id, seniority,", StringComparison.Ordinal));
        Assert.EndsWith(";\n", sql);
    }

    [Fact]
    public void A_dbt_model_is_a_table_that_reads_the_sources_and_the_as_of_variable()
    {
        var mapping = WarehouseMapping.Default with { DbtSource = "hubspot" };

        var sql = WarehouseSql.Write(StarterModel.Create(), Header, mapping, SqlDialect.DuckDb, SqlFormat.Dbt).Sql!;

        Assert.StartsWith("{{ config(materialized='table') }}\n", sql);
        Assert.Contains("FROM {{ source('hubspot', 'leads') }} AS l", sql);
        Assert.Contains("FROM {{ source('hubspot', 'activities') }} AS a", sql);
        Assert.Contains("{{ var(\"as_of\", run_started_at", sql);
        Assert.DoesNotContain(";", sql.Split('\n').Last(l => l.Length > 0));
    }

    [Fact]
    public void A_text_operator_on_a_number_field_is_refused_naming_the_criterion()
    {
        var model = Small(Attribute("big", "company_size", Operator.Contains, 5, "00"));

        var result = WarehouseSql.Write(model, Header, WarehouseMapping.Default, SqlDialect.DuckDb);

        Assert.Null(result.Sql);
        Assert.Equal(
            [
                "Criterion 'big' asks whether the number field 'company_size' contains a text; the core compares the " +
                "value written out as text, which SQL engines write differently. Compare it as a value instead.",
            ],
            result.Problems);
    }

    [Fact]
    public void Fields_the_model_does_not_define_and_property_names_sql_cannot_read_are_refused_naming_where()
    {
        var model = Small(
                Attribute("region", "region", Operator.Equals, 5, "EMEA"),
                new ActivityCriterion("spaced", "Spaced property", Dimension.Engagement, null,
                    new ActivityCondition("page_visit", [new PropertyFilter("page url", Operator.Contains, ["/x"])]), 1,
                    null, null, null, Decay.None))
            with
            {
                Disqualifiers =
                [
                    new Disqualifier("d", "Works elsewhere",
                        new AttributeCondition("employer", Operator.IsPresent, [])),
                ],
                Completeness = new CompletenessRule(10, ["seniority", "hobby"]),
            };

        var problems = WarehouseSql.Write(model, Header, WarehouseMapping.Default, SqlDialect.Spark).Problems;

        Assert.Collection(problems,
            p => Assert.StartsWith("Criterion 'region' reads the field 'region', which the model does not define", p),
            p => Assert.StartsWith("Criterion 'Spaced property' filters on the property 'page url'", p),
            p => Assert.StartsWith("Disqualifier 'Works elsewhere' reads the field 'employer'", p),
            p => Assert.StartsWith("Data completeness counts the field 'hobby'", p));
    }

    [Fact]
    public void A_dbt_model_is_refused_when_the_tables_are_in_two_schemas_or_a_text_looks_like_a_template()
    {
        var twoSchemas = WarehouseMapping.Default with { LeadsTable = "crm.leads", ActivitiesTable = "web.events" };
        var templated = Small(Attribute("{{ evil }}", "seniority", Operator.Equals, 5, "VP"));

        Assert.Equal(["A dbt source has one schema, but the leads and activities tables are in different schemas."],
            WarehouseSql.Write(StarterModel.Create(), Header, twoSchemas, SqlDialect.DuckDb, SqlFormat.Dbt).Problems);
        Assert.NotNull(WarehouseSql.Write(StarterModel.Create(), Header, twoSchemas, SqlDialect.DuckDb).Sql);
        Assert.Equal(
            [
                "A label, reason or name in the model or the mapping holds '{{', '{%' or '{#', which dbt would " +
                "read as a template.",
            ],
            WarehouseSql.Write(templated, Header, WarehouseMapping.Default, SqlDialect.DuckDb, SqlFormat.Dbt).Problems);
    }

    [Fact]
    public void Literals_and_names_are_quoted_so_a_label_or_column_cannot_break_out()
    {
        var model = Small(new AttributeCriterion("q", "Bob's \\ pick", Dimension.Fit, null,
            new AttributeCondition("seniority", Operator.Equals, ["O'Brien"]), 5));
        var mapping = WarehouseMapping.Default.WithColumn("seniority", "Lev\"el`");

        var duckDb = WarehouseSql.Write(model, Header, mapping, SqlDialect.DuckDb).Sql!;
        var spark = WarehouseSql.Write(model, Header, mapping, SqlDialect.Spark).Sql!;

        Assert.Contains("f0_key IN ('o''brien')", duckDb);
        Assert.Contains("WHEN 0 THEN 'Bob''s \\ pick'", duckDb);
        Assert.Contains("l.\"Lev\"\"el`\"", duckDb);
        Assert.Contains("f0_key IN ('o\\'brien')", spark);
        Assert.Contains("WHEN 0 THEN 'Bob\\'s \\\\ pick'", spark);
        Assert.Contains("l.`Lev\"el```", spark);
    }

    [Theory]
    [InlineData("", "Leads table is empty.")]
    [InlineData("a.b.c", "Leads table should be a table or schema.table, not 'a.b.c'.")]
    [InlineData(" leads", "Leads table has spaces at its ends or control characters: ' leads'.")]
    public void A_table_name_that_cannot_name_a_table_is_a_problem_in_words(string table, string problem)
    {
        Assert.Equal([problem], (WarehouseMapping.Default with { LeadsTable = table }).Problems());
    }

    [Fact]
    public void A_field_column_is_found_in_any_case_and_setting_it_back_to_the_field_name_removes_it()
    {
        var mapping = WarehouseMapping.Default.WithColumn("Company_Size", "employees");

        Assert.Equal("employees", mapping.ColumnOf("company_size"));
        Assert.Equal(["Column of field 'seniority' should be a plain column name without a dot, not 'a.b'."],
            mapping.WithColumn("seniority", "a.b").Problems());
        Assert.Empty(mapping.WithColumn("company_size", "company_size").FieldColumns);
        Assert.Empty(mapping.WithColumn("company_size", " ").FieldColumns);
    }

    [Fact]
    public void The_dbt_sources_list_both_tables_with_their_schema_identifier_and_mapped_columns()
    {
        var mapping = WarehouseMapping.Default with { LeadsTable = "crm.lead_export", ActivitiesTable = "crm.events" };

        var yaml = DbtSources.Yaml(mapping.WithColumn("company_size", "employees"),
            [new FieldDefinition("company_size", "Company size", FieldType.Number)]);

        Assert.Equal("""
            version: 2

            sources:
              - name: "crm"
                schema: "crm"
                description: Leads and activities that Lead Scoring Studio's SQL scores.
                tables:
                  - name: leads
                    identifier: "lead_export"
                    description: "One row per lead."
                    columns:
                      - name: "id"
                        description: "The lead's id."
                      - name: "employees"
                        description: "Company size (number)"
                  - name: activities
                    identifier: "events"
                    description: "One row per thing a lead did."
                    columns:
                      - name: "lead_id"
                        description: "The lead's id."
                      - name: "type"
                        description: "The activity type, e.g. page_visit."
                      - name: "occurred_at"
                        description: "When it happened (a timestamp; without a zone it counts as UTC)."
                      - name: "properties"
                        description: "Its properties as a JSON object, keys in lower case."

            """.ReplaceLineEndings("\n"), yaml);
    }
}
