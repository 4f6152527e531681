using System.Diagnostics;
using LeadScoringStudio.Benchmarks.Warehouse;
using LeadScoringStudio.Core.Warehouse;

namespace LeadScoringStudio.Tests.Core.Warehouse;

/// <summary>
/// There is no Spark here, so the Spark SQL is checked for syntax only: by dt-sql-parser, built from Spark's own ANTLR
/// grammar, under Node (<c>LeadScoringStudio.Tests/SparkSyntax</c>; <c>.ci/run</c> installs it with npm).
/// </summary>
public class SparkSqlSyntaxTests
{
    private static readonly string? Checker = FindChecker();

    [SkippableFact]
    public async Task The_Spark_SQL_of_a_model_using_every_criterion_kind_parses_with_Sparks_grammar()
    {
        var (exitCode, errors, log) = await CheckAsync(SparkSql());

        Assert.True(exitCode == 0 && errors.Length == 0, $"{errors}\n{log}");
    }

    [SkippableFact]
    public async Task The_check_reports_a_missing_comma_with_its_line()
    {
        var broken = SparkSql().Replace("AS fit,\n", "AS fit\n", StringComparison.Ordinal);

        var (exitCode, errors, log) = await CheckAsync(broken);

        Assert.True(exitCode == 1, log);
        Assert.Matches(@"^line \d+, column \d+: ", errors);
    }

    private static string SparkSql()
    {
        var model = ParityWorkspace.Model();
        return WarehouseSql.Write(model, new SqlHeader(model.Name, 1, "parity@test", ParityWorkspace.AsOf),
            WarehouseTables.Mapping, SqlDialect.Spark).Sql!;
    }

    /// <summary>Runs the check: its exit code, the syntax errors it found and what else Node wrote.</summary>
    private static async Task<(int ExitCode, string Errors, string Log)> CheckAsync(string sql)
    {
        Skip.If(Checker is null,
            "The Spark SQL syntax check needs Node and `npm ci` in LeadScoringStudio.Tests/SparkSyntax " +
            "(.ci/run does it).");
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, sql);
            using var node = Process.Start(new ProcessStartInfo("node", [Path.Combine(Checker!, "check.mjs"), file])
            {
                WorkingDirectory = Checker, RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            var output = await node.StandardOutput.ReadToEndAsync();
            var error = await node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            return (node.ExitCode, output.Trim(), error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The checker's folder in the repository, when its packages are installed and Node is there.</summary>
    private static string? FindChecker()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var checker = Path.Combine(folder.FullName, "LeadScoringStudio.Tests", "SparkSyntax");
            if (File.Exists(Path.Combine(folder.FullName, "LeadScoringStudio.sln")))
            {
                var installed = Directory.Exists(Path.Combine(checker, "node_modules", "dt-sql-parser"));
                return installed && HasNode() ? checker : null;
            }
        }

        return null;
    }

    private static bool HasNode() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Any(p => File.Exists(Path.Combine(p, "node")));
}
