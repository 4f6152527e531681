using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>A test class with its own started <see cref="TestStorage"/>, removed again afterwards.</summary>
public abstract class StorageTest(bool seedDemo, int leadCount = 60, bool requireApproval = false) : IAsyncLifetime
{
    protected TestStorage Storage { get; } = new(seedDemo, leadCount, requireApproval);

    protected ServiceProvider Services { get; private set; } = default!;

    public virtual async Task InitializeAsync() => Services = await Storage.StartAsync();

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        Storage.Dispose();
    }
}
