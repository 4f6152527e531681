using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>
/// A test class with its own started <see cref="TestStorage"/>, removed again afterwards. The repository and service
/// tests run on both providers: the class as written on SQLite, and a subclass on PostgreSQL
/// (<c>XxxOnPostgreSqlTests</c>), whose tests are skipped, saying why, when there is no server.
/// </summary>
public abstract class StorageTest(bool seedDemo, int leadCount = 60, bool requireApproval = false,
    StorageProvider provider = StorageProvider.Sqlite, IReadOnlyDictionary<string, string?>? settings = null)
    : IAsyncLifetime
{
    private TestStorage? _storage;

    protected TestStorage Storage => _storage ?? throw new InvalidOperationException("The storage is not started.");

    protected ServiceProvider Services { get; private set; } = default!;

    public virtual async Task InitializeAsync()
    {
        Skip.If(provider == StorageProvider.PostgreSql && TestPostgreSql.Server is null, TestPostgreSql.SkipReason);
        _storage = new TestStorage(seedDemo, leadCount, requireApproval, provider: provider, settings: settings);
        Services = await Storage.StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_storage is not null)
        {
            await Services.DisposeAsync();
            _storage.Dispose();
        }
    }
}
