using LeadScoringStudio.Benchmarks.Warehouse;
using LeadScoringStudio.Core.Scoring;
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

            var rows = await PostgreSqlWarehouse.ScoreAsync(connection, model, ParityWorkspace.AsOf);

            var differences = SqlParity.AllDifferences(model, leads, expected, rows, ParityWorkspace.AsOf);
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
