using System.Text.Json;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Warehouse;

namespace LeadScoringStudio.Benchmarks.Warehouse;

/// <summary>
/// The warehouse tables the parity runs write leads into, under a mapping that is not the default one (tables in a
/// schema, other column names, one that needs quoting), so the SQL is shown to follow the mapping.
/// </summary>
internal static class WarehouseTables
{
    public static WarehouseMapping Mapping { get; } = new WarehouseMapping
    {
        LeadsTable = "crm.lead_export",
        LeadIdColumn = "lead_key",
        ActivitiesTable = "crm.events",
        ActivityLeadIdColumn = "lead_key",
        ActivityTypeColumn = "event_type",
        OccurredAtColumn = "happened_at",
        PropertiesColumn = "details",
    }.WithColumn("company_size", "Employees").WithColumn("seniority", "Level");

    /// <summary>The model's SQL for these tables.</summary>
    public static string Sql(ScoringModel model, SqlDialect dialect) =>
        WarehouseSql.Write(model, new SqlHeader(model.Name, 1, "parity", DateTimeOffset.UnixEpoch), Mapping, dialect)
            .Sql ?? throw new InvalidOperationException($"The model '{model.Name}' has no {dialect.Name} SQL.");

    /// <summary>A missing text as warehouses hold it, by turns: NULL, empty, spaces, a tab (the core reads each as
    /// missing).</summary>
    public static string? BlankText(int row) => (row % 4) switch
    {
        0 => null,
        1 => "",
        2 => "   ",
        _ => "\t",
    };

    /// <summary>The activity's properties as the warehouse keeps them: a JSON object, keys in lower case.</summary>
    public static string PropertiesJson(Activity activity) =>
        JsonSerializer.Serialize(activity.Properties.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value));

    /// <summary>The leads table's columns in the order the writers fill them: the id, then each field's.</summary>
    public static string LeadColumns(ScoringModel model) => string.Join(", ",
        model.Fields.Select(f => Mapping.ColumnOf(f.Name)).Prepend(Mapping.LeadIdColumn).Select(c => $"\"{c}\""));

    /// <summary>The activities table's columns in the order the writers fill them.</summary>
    public static string ActivityColumns { get; } = string.Join(", ",
        new[] { Mapping.ActivityLeadIdColumn, Mapping.ActivityTypeColumn, Mapping.OccurredAtColumn,
            Mapping.PropertiesColumn }.Select(c => $"\"{c}\""));

    /// <summary>The CREATE TABLE statements in the given column types.</summary>
    public static IEnumerable<string> CreateStatements(ScoringModel model, Func<FieldType, string> typeOf,
        string textType, string timestampType, string jsonType)
    {
        var fields = model.Fields.Select(f => $"\"{Mapping.ColumnOf(f.Name)}\" {typeOf(f.Type)}");
        yield return $"CREATE SCHEMA {WarehouseMapping.TableParts(Mapping.LeadsTable)[0]}";
        yield return $"CREATE TABLE {Mapping.LeadsTable} (\"{Mapping.LeadIdColumn}\" {textType}, " +
                     $"{string.Join(", ", fields)})";
        yield return $"CREATE TABLE {Mapping.ActivitiesTable} (\"{Mapping.ActivityLeadIdColumn}\" {textType}, " +
                     $"\"{Mapping.ActivityTypeColumn}\" {textType}, \"{Mapping.OccurredAtColumn}\" {timestampType}, " +
                     $"\"{Mapping.PropertiesColumn}\" {jsonType})";
    }
}
