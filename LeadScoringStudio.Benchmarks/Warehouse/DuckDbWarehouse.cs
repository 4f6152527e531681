using DuckDB.NET.Data;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Warehouse;

namespace LeadScoringStudio.Benchmarks.Warehouse;

/// <summary>Leads written into DuckDB's warehouse tables through its appender.</summary>
internal static class DuckDbWarehouse
{
    public static void Write(DuckDBConnection connection, ScoringModel model, IEnumerable<Lead> leads)
    {
        foreach (var statement in WarehouseTables.CreateStatements(model, TypeOf, "VARCHAR", "TIMESTAMP", "JSON"))
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }

        using var leadRows = AppenderOf(connection, WarehouseTables.Mapping.LeadsTable);
        using var activityRows = AppenderOf(connection, WarehouseTables.Mapping.ActivitiesTable);
        foreach (var (lead, index) in leads.Select((l, i) => (l, i)))
        {
            var row = leadRows.CreateRow().AppendValue(lead.Id);
            foreach (var field in model.Fields)
            {
                var value = lead.Attribute(field.Name);
                row = value.Type switch
                {
                    null when field.Type == FieldType.Text => row.AppendValue(WarehouseTables.BlankText(index)),
                    null => row.AppendNullValue(),
                    FieldType.Number => row.AppendValue(value.Number),
                    FieldType.YesNo => row.AppendValue(value.Yes),
                    FieldType.Date => row.AppendValue(value.Date),
                    _ => row.AppendValue(value.Text),
                };
            }

            row.EndRow();
            foreach (var activity in lead.Activities)
            {
                activityRows.CreateRow().AppendValue(lead.Id).AppendValue(activity.Type)
                    .AppendValue(activity.At.UtcDateTime).AppendValue(WarehouseTables.PropertiesJson(activity))
                    .EndRow();
            }
        }
    }

    private static DuckDBAppender AppenderOf(DuckDBConnection connection, string table) =>
        WarehouseMapping.TableParts(table) is [var schema, var name]
            ? connection.CreateAppender(schema, name)
            : connection.CreateAppender(table);

    /// <summary>The rows the model's DuckDB SQL gives at the scoring moment, by lead id.</summary>
    public static async Task<Dictionary<string, SqlScore>> ScoreAsync(DuckDBConnection connection, ScoringModel model,
        DateTimeOffset asOf)
    {
        await using var query = connection.CreateCommand();
        query.CommandText = $"SET VARIABLE as_of = TIMESTAMP '{asOf.UtcDateTime:yyyy-MM-dd HH:mm:ss}';\n" +
                            WarehouseTables.Sql(model, SqlDialect.DuckDb);
        await using var reader = await query.ExecuteReaderAsync();
        return await SqlParity.ReadAsync(reader, model);
    }

    private static string TypeOf(FieldType type) => type switch
    {
        FieldType.Number => "DOUBLE",
        FieldType.YesNo => "BOOLEAN",
        FieldType.Date => "DATE",
        _ => "VARCHAR",
    };
}
