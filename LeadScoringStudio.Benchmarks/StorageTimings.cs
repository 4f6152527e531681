using System.Diagnostics;
using System.Globalization;
using System.Text;
using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Hosting;
using LeadScoringStudio.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// Timings against a real SQLite database: a CSV import of generated leads the way the wizard runs it
/// (`--import 100000`), and full rescoring of the demo workspace (`--rescore`). Also creates API keys
/// for load tests against a running studio (`--api-key path/to/data`).
/// </summary>
public static class StorageTimings
{
    private static readonly string[] Columns =
    [
        "name", "email", "company", "job_title", "seniority", "persona", "industry", "company_size", "annual_revenue",
        "country", "crm", "budget_confirmed",
    ];

    public static async Task RunAsync(int rows)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lss-import-" + Guid.NewGuid().ToString("N"));
        var csv = Csv(rows);
        await using (var services = await StorageAsync(folder, seedDemo: false))
        {
            var clock = Stopwatch.StartNew();
            var table = CsvFile.Read("leads.csv", csv).Table!;
            var read = clock.Elapsed;
            var plan = LeadImport.Plan(table, MappingSuggestions.ForLeads(table, StarterModel.Create(),
                ColumnGuess.Of(table, ImportOptions.Default)), ImportOptions.Default);
            var checkedAt = clock.Elapsed;
            var summary = await services.GetRequiredService<LeadWriter>()
                .UpsertAsync(plan.ReadLeads(), plan.ReadActivities());
            var total = clock.Elapsed;
            Console.WriteLine($"Imported {rows:N0} rows ({csv.Length / 1024.0 / 1024.0:0.0} MB, " +
                $"{plan.Problems.Count} problems): {summary.Inserted:N0} inserted.");
            Console.WriteLine($"  read {read.TotalSeconds:0.00} s, " +
                $"types guessed and dry run {(checkedAt - read).TotalSeconds:0.00} s, " +
                $"write {(total - checkedAt).TotalSeconds:0.00} s, total {total.TotalSeconds:0.00} s");

            clock.Restart();
            var again = await services.GetRequiredService<LeadWriter>()
                .UpsertAsync(plan.ReadLeads(), plan.ReadActivities());
            Console.WriteLine($"  the same file again (all updates: {again.Updated:N0}): " +
                $"{clock.Elapsed.TotalSeconds:0.00} s");
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Seeds the demo workspace (5,000 leads, 16 weeks of history), then times full rescores: nothing changed,
    /// and a changed model.</summary>
    public static async Task RescoreAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lss-rescore-" + Guid.NewGuid().ToString("N"));
        await using (var services = await StorageAsync(folder, seedDemo: true))
        {
            var leads = await services.GetRequiredService<LeadRepository>().LoadAllAsync();
            var pipeline = services.GetRequiredService<LeadPipeline>();
            var model = StarterModel.Create();
            var now = DateTimeOffset.UtcNow;
            await pipeline.RunAsync(model, 1, leads, now);
            foreach (var (name, version) in new[] { ("nothing changed", model),
                ("buyer persona 15 → 40", model.WithCriterionPoints("persona-buyer", 40)),
                ("back to the starter model", model) })
            {
                var run = await pipeline.RunAsync(version, 2, leads, now);
                Console.WriteLine($"Full rescore of {run.Leads:N0} leads, {name}: {run.Took.TotalMilliseconds:0} ms " +
                    $"({run.StageChanges} stage changes, {run.EnteredMql} new MQLs, {run.ScorePoints} score points)");
            }
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Creates a read key in the studio database in <paramref name="dataFolder"/> and prints it.</summary>
    public static async Task CreateKeyAsync(string dataFolder)
    {
        await using var services = await StorageAsync(Path.GetFullPath(dataFolder), seedDemo: false);
        var ops = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, "benchmark"),
                new(System.Security.Claims.ClaimTypes.Role, StudioRoles.Ops)], "benchmark"));
        Console.WriteLine((await services.GetRequiredService<ApiKeyRepository>()
            .CreateAsync("load test", ApiScope.Read, ops))!.Value.Key);
    }

    private static async Task<ServiceProvider> StorageAsync(string folder, bool seedDemo)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = folder, ["Demo:SeedDemoData"] = seedDemo ? "true" : "false",
                ["Demo:LeadCount"] = "5000",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = folder,
            EnvironmentName = "Production", ApplicationName = "LeadScoringStudio" });
        services.AddStudioStorage(configuration);
        services.AddWorkbench(configuration);
        services.AddSingleton<ApiKeyRepository>();
        var provider = services.BuildServiceProvider();
        await StudioDatabase.PrepareAsync(provider);
        return provider;
    }

    private static byte[] Csv(int rows)
    {
        var text = new StringBuilder("id,").AppendJoin(',', Columns).Append('\n');
        foreach (var generated in new DemoDataGenerator(7, DateTimeOffset.UtcNow, averageActivities: 0)
            .GenerateMany(rows))
        {
            var lead = generated.Lead;
            string Cell(string field) =>
                lead.Attribute(field) is { IsMissing: false } value ? Quote(value.ToString()) : "";
            text.Append(lead.Id).Append(',').AppendJoin(',', Columns.Select(Cell)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;
}
