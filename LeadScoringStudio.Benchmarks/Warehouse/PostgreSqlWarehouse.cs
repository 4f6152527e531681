using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Warehouse;
using Npgsql;
using NpgsqlTypes;

namespace LeadScoringStudio.Benchmarks.Warehouse;

/// <summary>Leads written into PostgreSQL's warehouse tables by binary COPY.</summary>
internal static class PostgreSqlWarehouse
{
    public static async Task WriteAsync(NpgsqlConnection connection, ScoringModel model, IEnumerable<Lead> leads)
    {
        foreach (var statement in WarehouseTables.CreateStatements(model, TypeOf, "text", "timestamptz", "jsonb"))
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }

        var activities = new List<(string LeadId, Activity Activity)>();
        await using (var leadRows = await connection.BeginBinaryImportAsync(
            $"COPY {WarehouseTables.Mapping.LeadsTable} ({WarehouseTables.LeadColumns(model)}) FROM STDIN " +
            "(FORMAT BINARY)"))
        {
            foreach (var (lead, index) in leads.Select((l, i) => (l, i)))
            {
                await leadRows.StartRowAsync();
                await leadRows.WriteAsync(lead.Id, NpgsqlDbType.Text);
                foreach (var field in model.Fields)
                {
                    var value = lead.Attribute(field.Name);
                    await (value.Type switch
                    {
                        null when field.Type == FieldType.Text && WarehouseTables.BlankText(index) is { } blank =>
                            leadRows.WriteAsync(blank, NpgsqlDbType.Text),
                        null => leadRows.WriteNullAsync(),
                        FieldType.Number => leadRows.WriteAsync(value.Number, NpgsqlDbType.Double),
                        FieldType.YesNo => leadRows.WriteAsync(value.Yes, NpgsqlDbType.Boolean),
                        FieldType.Date => leadRows.WriteAsync(value.Date, NpgsqlDbType.Date),
                        _ => leadRows.WriteAsync(value.Text, NpgsqlDbType.Text),
                    });
                }

                activities.AddRange(lead.Activities.Select(a => (lead.Id, a)));
            }

            await leadRows.CompleteAsync();
        }

        await using var activityRows = await connection.BeginBinaryImportAsync(
            $"COPY {WarehouseTables.Mapping.ActivitiesTable} ({WarehouseTables.ActivityColumns}) FROM STDIN " +
            "(FORMAT BINARY)");
        foreach (var (leadId, activity) in activities)
        {
            await activityRows.StartRowAsync();
            await activityRows.WriteAsync(leadId, NpgsqlDbType.Text);
            await activityRows.WriteAsync(activity.Type, NpgsqlDbType.Text);
            await activityRows.WriteAsync(activity.At.UtcDateTime, NpgsqlDbType.TimestampTz);
            await activityRows.WriteAsync(WarehouseTables.PropertiesJson(activity), NpgsqlDbType.Jsonb);
        }

        await activityRows.CompleteAsync();
    }

    /// <summary>The rows the model's PostgreSQL SQL gives at the scoring moment, by lead id.</summary>
    public static async Task<Dictionary<string, SqlScore>> ScoreAsync(NpgsqlConnection connection, ScoringModel model,
        DateTimeOffset asOf)
    {
        await using var query = new NpgsqlCommand(
            $"SET lead_scoring.as_of = '{asOf:O}';\n{WarehouseTables.Sql(model, SqlDialect.PostgreSql)}", connection)
        {
            CommandTimeout = 600,
        };
        await using var reader = await query.ExecuteReaderAsync();
        return await SqlParity.ReadAsync(reader, model);
    }

    private static string TypeOf(FieldType type) => type switch
    {
        FieldType.Number => "double precision",
        FieldType.YesNo => "boolean",
        FieldType.Date => "date",
        _ => "text",
    };
}
