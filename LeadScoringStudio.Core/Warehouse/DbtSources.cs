using System.Text;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Warehouse;

/// <summary>The dbt <c>sources</c> entry of a mapping: the two tables the scoring model reads, with their
/// columns.</summary>
public static class DbtSources
{
    /// <summary>Why dbt cannot name the mapped tables as one source; null when it can.</summary>
    public static string? Problem(WarehouseMapping mapping) =>
        SchemaOf(mapping.LeadsTable) == SchemaOf(mapping.ActivitiesTable)
            ? null
            : "A dbt source has one schema, but the leads and activities tables are in different schemas.";

    /// <summary>A <c>sources.yml</c> for the mapping; the leads table lists the id and each field's column.</summary>
    public static string Yaml(WarehouseMapping mapping, IEnumerable<FieldDefinition> fields)
    {
        var yaml = new StringBuilder();
        yaml.Append("version: 2\n\nsources:\n");
        yaml.Append($"  - name: {Quoted(mapping.DbtSource)}\n");
        if (SchemaOf(mapping.LeadsTable) is { } schema)
        {
            yaml.Append($"    schema: {Quoted(schema)}\n");
        }

        yaml.Append("    description: Leads and activities that Lead Scoring Studio's SQL scores.\n    tables:\n");
        Table(yaml, "leads", mapping.LeadsTable, "One row per lead.",
            fields.Select(f => (mapping.ColumnOf(f.Name), $"{f.Label} ({f.Type.ToString().ToLowerInvariant()})"))
                .Prepend((mapping.LeadIdColumn, "The lead's id.")));
        Table(yaml, "activities", mapping.ActivitiesTable, "One row per thing a lead did.",
        [
            (mapping.ActivityLeadIdColumn, "The lead's id."),
            (mapping.ActivityTypeColumn, "The activity type, e.g. page_visit."),
            (mapping.OccurredAtColumn, "When it happened (a timestamp; without a zone it counts as UTC)."),
            (mapping.PropertiesColumn, "Its properties as a JSON object, keys in lower case."),
        ]);
        return yaml.ToString();
    }

    private static void Table(StringBuilder yaml, string name, string table, string description,
        IEnumerable<(string Column, string Description)> columns)
    {
        yaml.Append($"      - name: {name}\n        identifier: {Quoted(WarehouseMapping.TableParts(table)[^1])}\n");
        yaml.Append($"        description: {Quoted(description)}\n        columns:\n");
        foreach (var (column, text) in columns)
        {
            yaml.Append($"          - name: {Quoted(column)}\n            description: {Quoted(text)}\n");
        }
    }

    private static string? SchemaOf(string table) =>
        WarehouseMapping.TableParts(table) is { Count: 2 } parts ? parts[0] : null;

    /// <summary>A YAML double-quoted scalar.</summary>
    private static string Quoted(string text) =>
        $"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
