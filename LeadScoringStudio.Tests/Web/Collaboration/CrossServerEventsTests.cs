using System.Collections.Concurrent;
using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Features.Workbench;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Collaboration;

/// <summary>Two servers on one database (two service providers, each with its own events), as behind a load balancer:
/// on PostgreSQL with LISTEN/NOTIFY, and with Redis pub/sub.</summary>
public abstract class CrossServerEventsTests(StorageProvider provider, bool redis)
    : StorageTest(seedDemo: false, provider: provider, settings: redis
        ? new Dictionary<string, string?> { ["Events:Redis"] = TestRedis.Server ?? "" }
        : null)
{
    private ServiceProvider _other = default!;

    private RelayedStudioEvents A => Services.GetRequiredService<RelayedStudioEvents>();

    private RelayedStudioEvents B => _other.GetRequiredService<RelayedStudioEvents>();

    public override async Task InitializeAsync()
    {
        Skip.If(redis && TestRedis.Server is null, TestRedis.SkipReason);
        await base.InitializeAsync();
        var second = new ServiceCollection();
        Storage.AddTo(second);
        _other = second.BuildServiceProvider();
        await A.StartAsync(CancellationToken.None);
        await B.StartAsync(CancellationToken.None);
        await Task.WhenAll(A.Listening, B.Listening).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [SkippableFact]
    public async Task Who_is_here_on_one_server_shows_on_the_other_and_vanishes_when_that_server_dies()
    {
        var (hereA, hereB) = (Services.GetRequiredService<PresenceTracker>(),
            _other.GetRequiredService<PresenceTracker>());
        var refreshed = new ConcurrentQueue<PresenceRefreshed>();
        using var _ = B.Subscribe(e => { if (e is PresenceRefreshed r) refreshed.Enqueue(r); });
        await hereA.StartAsync(CancellationToken.None);
        await hereB.StartAsync(CancellationToken.None);

        hereA.Join("session-a", 1, "ada@demo.local", "Marketing", "Fit");

        await Eventually.TrueAsync(() => hereB.At(1).Any(p => p.SessionId == "session-a" && p.Editing == "Fit"),
            "B shows who is on A");
        await Eventually.TrueAsync(() => refreshed.Any(r => r.ModelId == 1), "B's presence bars are told");
        Assert.Empty(hereB.At(2));

        await hereA.StopAsync(CancellationToken.None); // A dies: no more beats, and nobody said goodbye
        Storage.Time.Advance(PresenceTracker.Expiry);

        await Eventually.TrueAsync(() =>
        {
            Storage.Time.Advance(PresenceTracker.Beat); // B beats on, and finds A's rows too old
            return hereB.At(1).Count == 0;
        }, "A's people vanish from B");
        await hereB.StopAsync(CancellationToken.None);
    }

    public override async Task DisposeAsync()
    {
        if (_other is not null)
        {
            await A.StopAsync(CancellationToken.None);
            await B.StopAsync(CancellationToken.None);
            await _other.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [SkippableFact]
    public async Task A_draft_committed_on_one_server_reaches_the_other_with_the_committed_draft_once()
    {
        var onB = new ConcurrentQueue<DraftChanged>();
        var onA = new ConcurrentQueue<DraftChanged>();
        using var b = B.Subscribe(e => { if (e is DraftChanged changed) onB.Enqueue(changed); });
        using var a = A.Subscribe(e => { if (e is DraftChanged changed) onA.Enqueue(changed); });
        var models = Services.GetRequiredService<ModelRepository>();
        var start = (await models.LoadAsync((await models.DefaultModelIdAsync())!.Value)).Draft;

        var commit = await Services.GetRequiredService<DraftService>().CommitAsync(start,
            start.Model.WithCriterionPoints("demo-request", 44), Principals.Marketing, fromSession: "session-a");

        Assert.True(commit.Wrote);
        await Eventually.TrueAsync(() => !onB.IsEmpty, "server B hears of the commit");
        var heard = Assert.Single(onB);
        Assert.True(heard.FromOtherServer);
        Assert.Equal(("session-a", commit.Draft!.Version), (heard.FromSession, heard.Draft.Version));
        Assert.Equal(44, heard.Draft.Model.FindCriterion("demo-request")!.BasePoints);
        await Task.Delay(300); // its own event must not come back to A through LISTEN
        Assert.False(Assert.Single(onA).FromOtherServer);
    }

    [SkippableFact]
    public async Task Leads_written_on_one_server_are_read_again_on_the_other_those_named_alone()
    {
        var libraryB = _other.GetRequiredService<LeadLibrary>();
        Assert.Equal(0, (await libraryB.GetAsync()).Count);
        var (first, second) = (TestSupport.Leads.With(("name", "Ada First")) with { Id = "first" },
            TestSupport.Leads.With(("name", "Ben Second")) with { Id = "second" });
        var writer = Services.GetRequiredService<LeadWriter>();

        var many = await writer.UpsertAsync([Imported(first)], []);
        A.Publish(new LeadsChanged()); // many leads: B reads them all again
        await Eventually.TrueAsync(async () => (await libraryB.GetAsync()).PositionOf("first") is not null,
            "server B loads the new lead");

        await using (var db = await Services.GetRequiredService<IDbContextFactory<StudioDbContext>>()
            .CreateDbContextAsync())
        {
            // Behind everyone's back: B must not read this lead again, since no event names it.
            await db.Leads.Where(l => l.ExternalId == "first")
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.AttributesJson, "{}"));
        }

        var named = await writer.UpsertAsync([Imported(second)], []);
        A.Publish(LeadsChanged.Of(named.Changed));

        await Eventually.TrueAsync(async () => (await libraryB.GetAsync()).PositionOf("second") == 1,
            "server B reads the named lead and puts it at the end");
        Assert.Equal("Ada First", (await libraryB.GetAsync()).Leads[0].Lead.Name);
        Assert.Equal(["first"], many.Changed);
    }

    private static ImportedLead Imported(Lead lead) => new(0, lead.Id, lead.Attributes, null);
}

/// <summary>Servers on one PostgreSQL database, their events through LISTEN/NOTIFY.</summary>
public sealed class CrossServerEventsOnPostgreSqlTests()
    : CrossServerEventsTests(StorageProvider.PostgreSql, redis: false);

/// <summary>Servers on one (SQLite) database, their events through Redis pub/sub.</summary>
public sealed class CrossServerEventsOnRedisTests() : CrossServerEventsTests(StorageProvider.Sqlite, redis: true);
