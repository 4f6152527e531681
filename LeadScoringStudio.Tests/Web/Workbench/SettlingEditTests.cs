using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Workbench;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Workbench;

/// <summary>One gesture, one version: a drag commits when the control has stood still for the settle time (600 ms
/// here, on a fake clock).</summary>
public sealed class SettlingEditTests : IAsyncLifetime
{
    private readonly TestStorage _storage = new(leadCount: 200, requireApproval: true, settleMilliseconds: 600);
    private ServiceProvider _services = default!;

    public async Task InitializeAsync() => _services = await _storage.StartAsync();

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _storage.Dispose();
    }

    [Fact]
    public async Task A_slider_drag_makes_one_version_one_log_line_and_voids_the_sign_off_once()
    {
        var bench = await _services.OpenWorkbenchAsync();
        await bench.ApproveAsync(Principals.Marketing);
        var start = bench.Saved.Version;

        for (var points = 11; points <= 33; points++)
        {
            await bench.EditAsync(bench.Draft.WithCriterionPoints("pricing-page", points), Principals.Marketing);
            _storage.Time.Advance(TimeSpan.FromMilliseconds(50));
        }

        Assert.True(bench.IsSaving);
        Assert.Equal(start, (await Models.LoadAsync(bench.ModelId)).Draft.Version);
        Assert.Equal(33, bench.Draft.FindCriterion("pricing-page")!.BasePoints);

        _storage.Time.Advance(TimeSpan.FromMilliseconds(600));
        await bench.PendingCommit;

        var stored = (await Models.LoadAsync(bench.ModelId)).Draft;
        Assert.Equal(start + 1, stored.Version);
        Assert.Equal(33, stored.Model.FindCriterion("pricing-page")!.BasePoints);
        var log = await _services.GetRequiredService<ChangeLogRepository>().ListAsync(bench.ModelId);
        Assert.Equal("Pricing page visit: 10 → 33 points", Assert.Single(log).Text);
        Assert.Empty(bench.Approvals);
        Assert.False(bench.IsSaving);
    }

    [Fact]
    public async Task Closing_the_page_while_an_edit_settles_still_commits_it()
    {
        var scope = _services.CreateScope();
        var bench = scope.ServiceProvider.GetRequiredService<WorkbenchState>();
        await bench.LoadAsync();
        var start = bench.Saved.Version;

        await bench.EditAsync(bench.Draft.WithCriterionPoints("webinar", 7), Principals.Marketing);
        scope.Dispose();

        await Eventually.TrueAsync(() => Models.LoadAsync(bench.ModelId).Result.Draft.Version == start + 1,
            "the settling edit is stored");
    }

    private ModelRepository Models => _services.GetRequiredService<ModelRepository>();
}
