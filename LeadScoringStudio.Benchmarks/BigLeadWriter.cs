using System.Data.Common;
using System.Diagnostics;
using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// Writes generated demo leads (numbers <c>first</c> on, as the demo names them; 20 activities each on average, two in
/// five with a known outcome) straight into a studio database's Leads table, in the app's own JSON form
/// (<see cref="LeadJson"/>): SQLite through one prepared insert in one transaction, PostgreSQL through binary COPY.
/// Leads are generated a chunk at a time on every core, so the benchmark never holds them all; the app's own import
/// would take far longer for a million and is measured elsewhere (<c>--import-big</c>).
/// </summary>
internal static class BigLeadWriter
{
    private const int Chunk = 20_000;

    public static async Task<(int Leads, long Activities, TimeSpan Took)> WriteAsync(
        bool postgreSql, string connection, int first, int count, DateTimeOffset asOf)
    {
        var clock = Stopwatch.StartNew();
        var generator = new DemoDataGenerator(2026, asOf, averageActivities: 20);
        long activities = 0;
        await using var writer = postgreSql
            ? (IRowWriter)await PostgreSqlRows.OpenAsync(connection)
            : await SqliteRows.OpenAsync(connection);
        for (var start = first; start < first + count; start += Chunk)
        {
            var rows = Enumerable.Range(start, Math.Min(Chunk, first + count - start)).AsParallel().AsOrdered()
                .Select(i => Row(generator.GenerateOne(i), i)).ToList();
            foreach (var row in rows)
            {
                await writer.WriteAsync(row);
                activities += row.Activities;
            }
        }

        await writer.CompleteAsync();
        return (count, activities, clock.Elapsed);
    }

    private static LeadRow Row(GeneratedLead generated, int index)
    {
        var lead = generated.Lead;
        var outcome = index % 5 >= 2 ? LeadOutcome.Unknown
            : generated.Converted ? LeadOutcome.Converted : LeadOutcome.NotConverted;
        return new LeadRow(lead.Id, lead.Name, lead.Email, lead.Company, LeadJson.WriteAttributes(lead.Attributes),
            LeadJson.WriteActivities(lead.Activities.OrderByDescending(a => a.At)), outcome.ToString(),
            lead.Activities.Count);
    }

    private sealed record LeadRow(string Id, string Name, string Email, string Company, string Attributes,
        string ActivitiesJson, string Outcome, int Activities);

    private interface IRowWriter : IAsyncDisposable
    {
        Task WriteAsync(LeadRow row);

        Task CompleteAsync();
    }

    private sealed class SqliteRows : IRowWriter
    {
        private readonly SqliteConnection _connection;
        private readonly DbTransaction _transaction;
        private readonly SqliteCommand _insert;

        private SqliteRows(SqliteConnection connection, DbTransaction transaction, SqliteCommand insert)
        {
            (_connection, _transaction, _insert) = (connection, transaction, insert);
        }

        public static async Task<SqliteRows> OpenAsync(string connection)
        {
            var open = new SqliteConnection(connection);
            await open.OpenAsync();
            var transaction = await open.BeginTransactionAsync();
            var insert = open.CreateCommand();
            insert.CommandText = """
                INSERT INTO "Leads" ("ExternalId", "Name", "Email", "Company", "AttributesJson", "ActivitiesJson",
                    "Outcome") VALUES ($id, $name, $email, $company, $attributes, $activities, $outcome)
                """;
            string[] names = ["$id", "$name", "$email", "$company", "$attributes", "$activities", "$outcome"];
            foreach (var name in names)
            {
                insert.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            insert.Prepare();
            return new SqliteRows(open, transaction, insert);
        }

        public async Task WriteAsync(LeadRow row)
        {
            var values = new object[] { row.Id, row.Name, row.Email, row.Company, row.Attributes, row.ActivitiesJson,
                row.Outcome };
            for (var i = 0; i < values.Length; i++)
            {
                _insert.Parameters[i].Value = values[i];
            }

            await _insert.ExecuteNonQueryAsync();
        }

        public Task CompleteAsync() => _transaction.CommitAsync();

        public async ValueTask DisposeAsync()
        {
            await _insert.DisposeAsync();
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }

    private sealed class PostgreSqlRows : IRowWriter
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlBinaryImporter _copy;

        private PostgreSqlRows(NpgsqlConnection connection, NpgsqlBinaryImporter copy)
        {
            (_connection, _copy) = (connection, copy);
        }

        public static async Task<PostgreSqlRows> OpenAsync(string connection)
        {
            var open = new NpgsqlConnection(connection);
            await open.OpenAsync();
            var copy = await open.BeginBinaryImportAsync("""
                COPY "Leads" ("ExternalId", "Name", "Email", "Company", "AttributesJson", "ActivitiesJson", "Outcome")
                FROM STDIN (FORMAT BINARY)
                """);
            return new PostgreSqlRows(open, copy);
        }

        public async Task WriteAsync(LeadRow row)
        {
            await _copy.StartRowAsync();
            foreach (var value in new[] { row.Id, row.Name, row.Email, row.Company, row.Attributes, row.ActivitiesJson,
                row.Outcome })
            {
                await _copy.WriteAsync(value, NpgsqlDbType.Text);
            }
        }

        public async Task CompleteAsync() => await _copy.CompleteAsync();

        public async ValueTask DisposeAsync()
        {
            await _copy.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
