using DuckDB.NET.Data;
using LeadScoringStudio.Benchmarks.Warehouse;
using LeadScoringStudio.Core.Scoring;
using Xunit.Abstractions;

namespace LeadScoringStudio.Tests.Core.Warehouse;

/// <summary>The generated DuckDB SQL gives every lead the core's numbers, on 100,000 leads per seed.</summary>
public class DuckDbParityTests(ITestOutputHelper output)
{
    public const int LeadsPerSeed = 100_000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task The_DuckDB_SQL_scores_every_lead_as_the_core_does(int seed)
    {
        var model = ParityWorkspace.Model();
        var leads = ParityWorkspace.Leads(seed, LeadsPerSeed).ToList();
        var (expected, matched) = new BatchScorer(model, LeadBatch.From(leads)).ScoreWithMatches(ParityWorkspace.AsOf);

        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        DuckDbWarehouse.Write(connection, model, leads);
        var rows = await DuckDbWarehouse.ScoreAsync(connection, model, ParityWorkspace.AsOf);

        var differences = SqlParity.AllDifferences(model, leads, expected, rows, ParityWorkspace.AsOf);
        foreach (var difference in differences.Take(20))
        {
            output.WriteLine(difference);
        }

        Assert.Empty(differences);
        Assert.Contains(true, expected.IsMql);
        Assert.Contains(true, expected.IsDisqualified);
        for (var k = 0; k < model.Criteria.Count; k++)
        {
            var matches = Enumerable.Range(0, leads.Count).Count(i => matched[(i * model.Criteria.Count) + k]);
            Assert.True(matches > 0 && matches < leads.Count,
                $"Criterion {model.Criteria[k].Id} matched {matches} of {leads.Count} leads: it tells nothing apart.");
        }
    }
}
