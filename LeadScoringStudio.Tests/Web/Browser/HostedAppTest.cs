using LeadScoringStudio.Tests.TestSupport;

namespace LeadScoringStudio.Tests.Web.Browser;

/// <summary>A test class with the real app in memory on a demo database of its own (one per test), removed again
/// afterwards; for tests that talk HTTP to it.</summary>
public abstract class HostedAppTest(int leadCount = 1) : IAsyncLifetime
{
    private readonly TestStorage _storage = new(leadCount: leadCount);

    protected StudioApp App { get; private set; } = default!;

    /// <summary>The storage's folder (the app's data folder).</summary>
    protected string DataFolder => _storage.Folder;

    public virtual Task InitializeAsync()
    {
        App = new StudioApp(_storage, realPort: false);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _storage.Dispose();
    }
}
