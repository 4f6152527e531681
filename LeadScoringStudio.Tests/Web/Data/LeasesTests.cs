using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Pipeline;
using LeadScoringStudio.Hosting;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Data;

public class LeasesTests : StorageTest
{
    private static readonly TimeSpan Length = TimeSpan.FromSeconds(30);

    public LeasesTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected LeasesTests(StorageProvider provider)
        : base(seedDemo: true, leadCount: 20, provider: provider)
    {
    }

    private Leases Leases => Services.GetRequiredService<Leases>();

    [SkippableFact]
    public async Task One_server_holds_a_lease_until_it_lets_it_run_out_or_go()
    {
        Assert.True(await Leases.HoldAsync(Leases.Rescore, "a", Length));
        Assert.False(await Leases.HoldAsync(Leases.Rescore, "b", Length));
        Assert.True(await Leases.HoldAsync(Leases.Webhooks, "b", Length)); // another job, another lease

        Storage.Time.Advance(Length - TimeSpan.FromSeconds(1));
        Assert.True(await Leases.HoldAsync(Leases.Rescore, "a", Length)); // renewed in time
        Storage.Time.Advance(Length - TimeSpan.FromSeconds(1));
        Assert.False(await Leases.HoldAsync(Leases.Rescore, "b", Length));

        Storage.Time.Advance(TimeSpan.FromSeconds(2)); // a died: its lease ran out
        Assert.True(await Leases.HoldAsync(Leases.Rescore, "b", Length));
        Assert.False(await Leases.HoldAsync(Leases.Rescore, "a", Length));

        await Leases.ReleaseAsync(Leases.Rescore, "b");
        Assert.True(await Leases.HoldAsync(Leases.Rescore, "a", Length));
    }

    [SkippableFact]
    public async Task Of_two_servers_only_the_lease_holder_rescores_and_the_other_takes_over_when_it_stops()
    {
        var second = new ServiceCollection();
        Storage.AddTo(second);
        await using var other = second.BuildServiceProvider();
        var first = Services.GetRequiredService<PipelineRunner>();
        var backup = other.GetRequiredService<PipelineRunner>();
        Assert.NotEqual(Services.GetRequiredService<ServerIdentity>().Name,
            other.GetRequiredService<ServerIdentity>().Name);

        Assert.NotNull(await first.RunNowAsync());
        Assert.Null(await backup.RunNowAsync());

        await first.StopAsync(CancellationToken.None);

        Assert.NotNull(await backup.RunNowAsync());
        Assert.Null(await first.RunNowAsync());
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class LeasesOnPostgreSqlTests() : LeasesTests(StorageProvider.PostgreSql);
