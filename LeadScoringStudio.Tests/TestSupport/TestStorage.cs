using LeadScoringStudio.Data;
using LeadScoringStudio.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;

namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>
/// The app's real storage (EF Core, migrations, Identity) on a fresh database: a SQLite file in a temp folder, or a
/// database of its own on the tests' PostgreSQL server; the clock fixed at <see cref="Leads.AsOf"/>. Deleted again on
/// dispose.
/// </summary>
public sealed class TestStorage : IDisposable
{
    private readonly bool _testAccounts;
    private readonly string? _postgreSqlDatabase;

    /// <param name="testAccounts">Whether to create the accounts of <see cref="Principals"/>.</param>
    /// <param name="settleMilliseconds">How long an edit settles before its commit; 0 (most tests) commits at
    /// once.</param>
    /// <param name="provider">The database; PostgreSQL needs <see cref="TestPostgreSql.Server"/>.</param>
    /// <param name="settings">More configuration (e.g. <c>Events:Redis</c>).</param>
    public TestStorage(bool seedDemo = true, int leadCount = 60, bool requireApproval = false, bool testAccounts = true,
        int settleMilliseconds = 0, StorageProvider provider = StorageProvider.Sqlite,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        _testAccounts = testAccounts;
        Folder = Path.Combine(Path.GetTempPath(), "lss-test-" + Guid.NewGuid().ToString("N"));
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Storage:DataFolder"] = Folder,
            ["Demo:SeedDemoData"] = seedDemo ? "true" : "false",
            ["Demo:Seed"] = "7",
            ["Demo:LeadCount"] = leadCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Governance:RequireApproval"] = requireApproval ? "true" : "false",
            ["Workbench:SettleMilliseconds"] =
                settleMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (provider == StorageProvider.PostgreSql)
        {
            _postgreSqlDatabase = "lss_test_" + Guid.NewGuid().ToString("N");
            all["Storage:Provider"] = StorageOptions.PostgreSql;
            all["ConnectionStrings:" + StorageOptions.ConnectionName] =
                TestPostgreSql.CreateDatabase(_postgreSqlDatabase);
        }

        Settings = all;
    }

    public string Folder { get; }

    /// <summary>The configuration that points the app at this storage; the browser tests hand it to the hosted
    /// app.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public FakeTimeProvider Time { get; } = new(Leads.AsOf);

    /// <summary>Registers what the app registers for storage, sign-in and the workbench, pointed at this
    /// storage.</summary>
    public void AddTo(IServiceCollection services)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = Folder,
            EnvironmentName = "Testing", ApplicationName = "LeadScoringStudio" });
        services.AddStudioStorage(configuration);
        services.AddWorkbench(configuration);
        services.AddSingleton<TimeProvider>(Time);
    }

    /// <summary>A ready service provider: migrated, with the accounts of <see cref="Principals"/> and, when asked,
    /// seeded.</summary>
    public async Task<ServiceProvider> StartAsync()
    {
        var services = new ServiceCollection();
        AddTo(services);
        var provider = services.BuildServiceProvider();
        await StudioDatabase.PrepareAsync(provider);
        if (_testAccounts)
        {
            await Principals.AddToAsync(provider);
        }

        return provider;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_postgreSqlDatabase is not null)
        {
            TestPostgreSql.DropDatabase(_postgreSqlDatabase);
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
