using LeadScoringStudio.Benchmarks.Warehouse;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Warehouse;
using LeadScoringStudio.Tests.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace LeadScoringStudio.Tests.Core.Warehouse;

/// <summary>The generated PostgreSQL SQL gives every lead the core's numbers, on the server CI starts (skipped, saying
/// so, without one).</summary>
public class PostgreSqlParityTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task The_PostgreSQL_SQL_scores_every_lead_as_the_core_does(int seed)
    {
        Skip.If(TestPostgreSql.Server is null, TestPostgreSql.SkipReason);
        var model = ParityWorkspace.Model();
        var leads = ParityWorkspace.Leads(seed, DuckDbParityTests.LeadsPerSeed).ToList();
        var expected = new BatchScorer(model, LeadBatch.From(leads)).Score(ParityWorkspace.AsOf);
        var sql = WarehouseSql.Write(model, new SqlHeader(model.Name, 1, "parity@test", ParityWorkspace.AsOf),
            WarehouseTables.Mapping, SqlDialect.PostgreSql).Sql!;

        var database = $"warehouse_parity_{seed}_{Guid.NewGuid():N}";
        try
        {
            await using var connection = new NpgsqlConnection(TestPostgreSql.CreateDatabase(database));
            await connection.OpenAsync();
            await PostgreSqlWarehouse.WriteAsync(connection, model, leads);
            await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
            {
                await analyze.ExecuteNonQueryAsync();
            }

            await using var query = new NpgsqlCommand(
                $"SET lead_scoring.as_of = '{ParityWorkspace.AsOf:O}';\n{sql}", connection) { CommandTimeout = 600 };
            await using var reader = await query.ExecuteReaderAsync();
            var rows = await SqlParity.ReadAsync(reader, model);

            var differences = SqlParity.Differences(leads.Select(l => l.Id).ToList(), expected, rows);
            differences.AddRange(SqlParity.ReasonDifferences(model, leads.Take(3000), ParityWorkspace.AsOf, rows));
            foreach (var difference in differences.Take(20))
            {
                output.WriteLine(difference);
            }

            Assert.Empty(differences);
        }
        finally
        {
            TestPostgreSql.DropDatabase(database);
        }
    }
}
