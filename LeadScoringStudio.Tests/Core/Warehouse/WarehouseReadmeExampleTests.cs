using DuckDB.NET.Data;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Warehouse;

namespace LeadScoringStudio.Tests.Core.Warehouse;

/// <summary>The README's worked DuckDB example, run as written: its two CSV files, its statements (with the SQL the
/// studio writes for the starter model where the DuckDB shell would <c>.read</c> the file) and its result
/// table.</summary>
public sealed class WarehouseReadmeExampleTests : IDisposable
{
    private static readonly string[] Readme = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "README.md"));
    private readonly string _folder = Directory.CreateTempSubdirectory("warehouse-example").FullName;

    [Fact]
    public async Task The_worked_example_gives_the_rows_the_README_shows()
    {
        foreach (var file in new[] { "leads.csv", "activities.csv" })
        {
            await File.WriteAllLinesAsync(Path.Combine(_folder, file),
                BlockAfter($"<!-- warehouse-example: {file} -->"));
        }

        var sql = WarehouseSql.Write(StarterModel.Create(),
            new SqlHeader("Starter model", 1, "first start", DateTimeOffset.UnixEpoch), WarehouseMapping.Default,
            SqlDialect.DuckDb).Sql!;
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        var rows = new Dictionary<string, Dictionary<string, string>>();
        foreach (var statement in ShellStatements())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement == ".read scores.sql" ? sql : InFolder(statement);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows[reader.GetString(0)] = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName,
                    i => reader.GetValue(i) is bool yes ? (yes ? "true" : "false") : $"{reader.GetValue(i)}");
            }
        }

        var table = Table();
        Assert.Equal(table.Select(r => r["lead_id"]).Order(), rows.Keys.Order());
        foreach (var shown in table)
        {
            foreach (var (column, value) in shown)
            {
                var given = rows[shown["lead_id"]][column];
                Assert.True(given == value,
                    $"{shown["lead_id"]} {column}: the README shows '{value}', DuckDB gives '{given}'");
            }
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The statement with the CSV files it names in this test's folder.</summary>
    private string InFolder(string statement) =>
        new[] { "leads.csv", "activities.csv" }.Aggregate(statement, (text, file) =>
            text.Replace($"'{file}'", $"'{Path.Combine(_folder, file)}'", StringComparison.Ordinal));

    /// <summary>The lines of the fenced block that follows the marker.</summary>
    private static IEnumerable<string> BlockAfter(string marker) =>
        Readme.SkipWhile(l => l != marker).Skip(2).TakeWhile(l => l != "```");

    /// <summary>The statements given to the DuckDB shell in the example.</summary>
    private static IEnumerable<string> ShellStatements() =>
        Readme.SkipWhile(l => l != "duckdb <<'SQL'").Skip(1).TakeWhile(l => l != "SQL").Select(l => l.TrimEnd(';'));

    private static List<Dictionary<string, string>> Table()
    {
        var lines = Readme.SkipWhile(l => l != "<!-- warehouse-example: result -->").Skip(1)
            .TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('|', StringSplitOptions.TrimEntries)[1..^1])
            .ToList();
        return lines.Skip(2).Select(cells => lines[0].Zip(cells).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
