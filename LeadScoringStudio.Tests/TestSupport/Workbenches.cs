using LeadScoringStudio.Features.Workbench;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.TestSupport;

public static class Workbenches
{
    /// <summary>A workbench as a new circuit opens it: its own scope, loaded.</summary>
    public static async Task<WorkbenchState> OpenWorkbenchAsync(this IServiceProvider services)
    {
        var bench = services.CreateScope().ServiceProvider.GetRequiredService<WorkbenchState>();
        await bench.LoadAsync();
        return bench;
    }

    /// <summary>Waits until the workbench shows stored draft <paramref name="version"/>, scores included: events arrive
    /// on other threads, so a test reads nothing half taken in.</summary>
    public static Task ShowsVersionAsync(this WorkbenchState bench, long version) =>
        Eventually.TrueAsync(
            () => bench.Saved.Version == version && bench.Draft.Equals(bench.Saved.Model)
                && bench.View.Draft.Equals(bench.Saved.Model),
            $"the workbench shows draft version {version}");
}
