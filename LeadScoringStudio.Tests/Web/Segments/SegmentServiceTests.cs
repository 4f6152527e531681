using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Segments;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Features.Models;
using LeadScoringStudio.Features.Pipeline;
using LeadScoringStudio.Features.Segments;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Segments;

public class SegmentServiceTests : StorageTest
{
    public SegmentServiceTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected SegmentServiceTests(StorageProvider provider)
        : base(seedDemo: true, leadCount: 400, provider: provider)
    {
    }

    private SegmentService Segments => Services.GetRequiredService<SegmentService>();

    [SkippableFact]
    public async Task The_demo_splits_its_leads_between_smb_and_enterprise_and_the_rescore_scores_each_by_its_own()
    {
        var overview = (await Segments.LoadAsync())!;
        await Services.GetRequiredService<PipelineRunner>().RunNowAsync();

        Assert.Equal(1, overview.Live.Number);
        Assert.Equal(["Enterprise", "SMB and mid-market"], overview.Counts.Select(c => c.Segment));
        Assert.All(overview.Counts, c => Assert.True(c.Leads > 0, $"{c.Segment} has no leads"));
        Assert.NotEqual(overview.Live.Segments[0].Published.Model.FitBands,
            overview.Live.Segments[1].Published.Model.FitBands);
        Assert.Equal(2, overview.Live.Segments[0].Published.Model.Categories.Count);
        var leads = await Services.GetRequiredService<LeadLibrary>().GetAsync();
        await using var db = await Services.GetRequiredService<IDbContextFactory<StudioDbContext>>()
            .CreateDbContextAsync();
        var states = await db.LeadStates.AsNoTracking().ToDictionaryAsync(s => s.LeadId);
        Assert.Equal(leads.Count, overview.Counts.Sum(c => c.Leads));
        foreach (var stored in leads.Leads)
        {
            var score = LeadScorer.Score(overview.Live.For(stored.Lead).Published.Model, stored.Lead,
                Storage.Time.GetUtcNow());
            var state = states[stored.Lead.Id];
            Assert.Equal((score.Fit, score.Total, score.IsMql), (state.Fit, state.Total, state.IsMql));
        }
    }

    [SkippableFact]
    public async Task Moving_the_rule_shows_its_impact_first_and_changes_nothing_until_ops_publishes_it()
    {
        var routes = Services.GetRequiredService<SegmentRoutes>();
        var live = (await routes.GetAsync())!;
        var lowered = live.Routing with
        {
            Rules = [live.Routing.Rules[0] with
            {
                When = new AttributeCondition("company_size", Operator.AtLeast, ["200"]),
            }],
        };

        var preview = await Segments.PreviewAsync(lowered, Principals.Marketing);

        var impact = preview.Impact!;
        Assert.Empty(preview.Problems);
        Assert.Equal("SMB and mid-market", Assert.Single(impact.Moves).From);
        Assert.True(impact.Moved > 0);
        Assert.Same(live, await routes.GetAsync());
        Assert.Equal(SaveStatus.Refused,
            (await Segments.PublishAsync(lowered, 1, "lower", Principals.Marketing)).Status);

        var published = new System.Collections.Concurrent.ConcurrentQueue<RoutingPublished>();
        using var _ = Services.GetRequiredService<IStudioEvents>().Subscribe(e =>
        {
            if (e is RoutingPublished p)
            {
                published.Enqueue(p);
            }
        });
        var result = await Segments.PublishAsync(lowered, 1, "Mid-market buys like enterprise", Principals.Ops);

        Assert.True(result.Succeeded, result.Message);
        await Eventually.TrueAsync(() => !published.IsEmpty, "the routing's publication is announced");
        Assert.Equal(2, Assert.Single(published).Number);
        var now = (await routes.GetAsync())!;
        Assert.Equal((2, lowered), (now.Number, now.Routing));
        var after = (await Services.GetRequiredService<RoutedScoring>().GetAsync())!.Scores.CountBySegment();
        Assert.Equal(impact.Segments, after);
    }

    [SkippableFact]
    public async Task A_publish_based_on_an_old_version_is_refused_and_a_broken_routing_never_lands()
    {
        var live = (await Services.GetRequiredService<SegmentRoutes>().GetAsync())!.Routing;
        var renamed = live with { Otherwise = live.Otherwise with { Name = "Everyone else" } };
        Assert.True((await Segments.PublishAsync(renamed, 1, "rename", Principals.Ops)).Succeeded);

        var stale = await Segments.PublishAsync(live, 1, "my older change", Principals.Ops);
        var broken = live with { Otherwise = live.Otherwise with { ModelKey = "no-such-model" } };
        var refused = await Segments.PublishAsync(broken, 2, "broken", Principals.Ops);
        var preview = await Segments.PreviewAsync(broken, Principals.Ops);

        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Equal(SaveStatus.Invalid, refused.Status);
        Assert.Contains("model 'no-such-model' has no published version", refused.Message);
        Assert.Null(preview.Impact);
        Assert.Single(preview.Problems);
        var versions = await Services.GetRequiredService<RoutingRepository>().VersionsAsync();
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.Equal("Everyone else", versions[0].Routing.Otherwise.Name);
        Assert.Null((await Segments.PreviewAsync(renamed, Principals.Sales)).Impact);
    }

    [SkippableFact]
    public async Task A_model_that_scores_a_segment_cannot_be_archived()
    {
        var catalog = Services.GetRequiredService<ModelCatalog>();
        var enterprise = (await catalog.FindAsync("enterprise-model"))!;

        var result = await catalog.ArchiveAsync(enterprise.Id, Principals.Ops);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains("The segment 'Enterprise' is scored by this model", result.Message);
        Assert.NotNull(await catalog.FindAsync("enterprise-model"));
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class SegmentServiceOnPostgreSqlTests() : SegmentServiceTests(StorageProvider.PostgreSql);
