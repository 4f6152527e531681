using System.Diagnostics;
using DuckDB.NET.Data;
using LeadScoringStudio.Benchmarks.Warehouse;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Warehouse;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --sql-parity [leads]`: generates the parity workspace (seed 1), writes it into DuckDB
/// while building the core's batch, then times the core's batch scoring and DuckDB's run of the generated SQL into a
/// table (medians of 5 and of 3, after a warm-up each), and counts the leads whose numbers differ.
/// </summary>
internal static class SqlParityRun
{
    public static async Task RunAsync(int count)
    {
        var model = ParityWorkspace.Model();
        var clock = Stopwatch.StartNew();
        var builder = new LeadBatch.Builder();
        var ids = new List<string>(count);
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        DuckDbWarehouse.Write(connection, model, ParityWorkspace.Leads(1, count).Select(lead =>
        {
            builder.Add(lead);
            ids.Add(lead.Id);
            return lead;
        }));
        var batch = builder.Build();
        Console.WriteLine($"generated {batch.Count:N0} leads with {batch.ActivityCount:N0} activities into the batch " +
                          $"and DuckDB in {clock.Elapsed.TotalSeconds:F1} s");

        var core = Median(6, () => new BatchScorer(model, batch).Score(ParityWorkspace.AsOf), "core");
        var expected = new BatchScorer(model, batch).Score(ParityWorkspace.AsOf);

        var sql = WarehouseTables.Sql(model, SqlDialect.DuckDb);
        await ExecuteAsync(connection,
            $"SET VARIABLE as_of = TIMESTAMP '{ParityWorkspace.AsOf.UtcDateTime:yyyy-MM-dd HH:mm:ss}'");
        var createScores = $"CREATE OR REPLACE TABLE scores AS {sql.TrimEnd(';', '\n')}";
        var duckDb = Median(4, () => ExecuteAsync(connection, createScores).GetAwaiter().GetResult(), "duckdb");

        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT * FROM scores";
        await using var reader = await read.ExecuteReaderAsync();
        var differences = SqlParity.Differences(ids, expected, await SqlParity.ReadAsync(reader, model));
        foreach (var difference in differences.Take(10))
        {
            Console.WriteLine(difference);
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GB");
        Console.WriteLine(
            $"sql-parity {count}: core {core:F0} ms, duckdb {duckDb:F0} ms, differing leads {differences.Count}");
    }

    /// <summary>The median wall time of the runs after the first (a warm-up), each printed.</summary>
    private static double Median(int runs, Action run, string what)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            Console.WriteLine(
                $"{what} run {i + 1}: {clock.Elapsed.TotalMilliseconds:F0} ms{(i == 0 ? " (warm-up)" : "")}");
            if (i > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return times.Order().ElementAt(times.Count / 2);
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
