using System.Globalization;
using Npgsql;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --two-servers [edits] [postgresql]`: two Release servers on one fresh PostgreSQL database
/// (the server given, or <c>STUDIO_TEST_POSTGRESQL</c>; a user that may create databases), the demo workspace of
/// 5,000 leads, every edit committed at once (<c>Workbench:SettleMilliseconds</c> 0, so what is timed is the way
/// between servers, not the wait for a slider to stand still). A browser on A edits a weight; a browser on B waits
/// for its A1–D4 grid to change, timed in the pages by the wall clock. The database is dropped afterwards.
/// </summary>
internal static class TwoServers
{
    public static async Task RunAsync(int rounds, string server)
    {
        var database = "lss_bench_" + Guid.NewGuid().ToString("N");
        var folder = Path.Combine(Path.GetTempPath(), database);
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Storage__Provider"] = "PostgreSql",
                ["ConnectionStrings__Studio"] =
                    new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString,
                ["Workbench__SettleMilliseconds"] = "0",
            };
            using var a = await StudioServer.StartAsync(Path.Combine(folder, "a"), 5301, 5000, settings);
            using var b = await StudioServer.StartAsync(Path.Combine(folder, "b"), 5302, 5000, settings);
            var times = await UiTimings.RunCollaborationAsync(a.Url, b.Url, rounds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"two-servers: edit on A -> B's grid, {rounds} edits: " +
                $"median {UiTimings.Percentile(times, 0.5):F0} ms, " +
                $"p95 {UiTimings.Percentile(times, 0.95):F0} ms, max {times.Max():F0} ms; " +
                $"server errors logged: {a.ErrorLines + b.ErrorLines}"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
