using LeadScoringStudio.Core.Editing;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Workbench;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Workbench;

/// <summary>A room on one draft: scores shared per stored version, undo, big edits held, team settings
/// arriving.</summary>
public class SharedDraftTests : StorageTest
{
    public SharedDraftTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected SharedDraftTests(StorageProvider provider)
        : base(seedDemo: true, leadCount: 400, provider: provider)
    {
    }

    [SkippableFact]
    public async Task Two_circuits_on_the_same_version_share_one_scoring_and_a_commit_is_not_scored_again()
    {
        var maya = await Services.OpenWorkbenchAsync();
        var sam = await Services.OpenWorkbenchAsync();
        Assert.Same(maya.View, sam.View);

        await maya.EditAsync(maya.Draft.WithCriterionPoints("webinar", 9), Principals.Marketing);
        var shown = maya.View;
        await Eventually.TrueAsync(() => ReferenceEquals(shown, sam.View), "Sam shows the very scores Maya shows");

        Assert.Equal(maya.Saved.Version, sam.Saved.Version);
        Assert.Same(shown.DraftScores, sam.DraftScores);
        var late = await Services.OpenWorkbenchAsync();
        Assert.Same(shown, late.View);
    }

    [SkippableFact]
    public async Task A_stuck_circuit_delays_neither_the_editor_nor_the_rest_of_the_room()
    {
        var maya = await Services.OpenWorkbenchAsync();
        var sam = await Services.OpenWorkbenchAsync();
        using var stuck = new ManualResetEventSlim();
        using var _ = Services.GetRequiredService<IStudioEvents>().Subscribe(_ => stuck.Wait(TimeSpan.FromSeconds(60)));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await maya.EditAsync(maya.Draft.WithCriterionPoints("webinar", 8), Principals.Marketing);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the edit took {clock.Elapsed}");
        await sam.ShowsVersionAsync(maya.Saved.Version);
        stuck.Set();
    }

    [SkippableFact]
    public async Task A_points_edit_shows_the_same_scores_as_scoring_the_edited_model_in_full()
    {
        var bench = await Services.OpenWorkbenchAsync();
        var edited = bench.Draft.WithCriterionPoints("pricing-page", 30);

        await bench.EditAsync(edited, Principals.Marketing);

        var full = new BatchScorer(edited, bench.Leads.Batch).Score(bench.AsOf);
        Assert.Equal(full.Total, bench.DraftScores.Total);
        Assert.Equal(full.CellIndex, bench.DraftScores.CellIndex);
    }

    [SkippableFact]
    public async Task I_undo_my_own_change_after_someone_else_edited_something_else()
    {
        var maya = await Services.OpenWorkbenchAsync();
        var sam = await Services.OpenWorkbenchAsync();
        await maya.EditAsync(maya.Draft.WithCriterionPoints("webinar", 9), Principals.Marketing);
        await sam.ShowsVersionAsync(maya.Saved.Version);
        await sam.EditAsync(sam.Draft.WithCriterionPoints("pricing-page", 17), Principals.Sales);

        var undo = await maya.UndoAsync(Principals.Marketing);

        Assert.True(undo.Wrote, undo.Message);
        var stored = (await Models.LoadAsync(maya.ModelId)).Draft.Model;
        Assert.Equal(4, stored.FindCriterion("webinar")!.BasePoints);
        Assert.Equal(17, stored.FindCriterion("pricing-page")!.BasePoints);
        Assert.Equal(stored, maya.Draft);
        var log = await Services.GetRequiredService<ChangeLogRepository>().ListAsync(maya.ModelId);
        Assert.Equal("Undo: Webinar attended: 9 → 4 points", log[0].Text);

        var nothingLeft = await maya.UndoAsync(Principals.Marketing);
        Assert.False(nothingLeft.Wrote);
        Assert.Equal("You have no change on this draft left to undo.", nothingLeft.Message);
    }

    [SkippableFact]
    public async Task An_undo_of_something_changed_again_since_is_refused_and_changes_nothing()
    {
        var maya = await Services.OpenWorkbenchAsync();
        var sam = await Services.OpenWorkbenchAsync();
        await maya.EditAsync(maya.Draft.WithCriterionPoints("webinar", 9), Principals.Marketing);
        await sam.ShowsVersionAsync(maya.Saved.Version);
        await sam.EditAsync(sam.Draft.WithCriterionPoints("webinar", 12), Principals.Sales);

        var undo = await maya.UndoAsync(Principals.Marketing);

        Assert.False(undo.Wrote);
        Assert.StartsWith("Not undone: sam@example.com changed", undo.Message);
        Assert.Equal(12, (await Models.LoadAsync(maya.ModelId)).Draft.Model.FindCriterion("webinar")!.BasePoints);
    }

    [SkippableFact]
    public async Task An_edit_that_moves_many_leads_waits_for_apply_before_anyone_gets_it()
    {
        var maya = await Services.OpenWorkbenchAsync();
        var before = maya.Saved.Version;
        var empty = new Disqualifier("new-disqualifier", "New disqualifier", CriterionGroups.NewCondition(maya.Draft));

        await maya.EditAsync(maya.Draft.AddDisqualifier(empty), Principals.Marketing);

        var impact = Assert.IsType<EditImpact>(maya.ToConfirm);
        Assert.True(impact.Disqualified > 0.05 * maya.Leads.Count, $"{impact.Disqualified} disqualified");
        Assert.Equal(before, (await Models.LoadAsync(maya.ModelId)).Draft.Version);
        Assert.False(maya.IsSaving);
        Assert.Equal(impact.Disqualified, maya.Impact.DraftDisqualified - maya.Impact.PublishedDisqualified);

        await maya.ApplyAsync(Principals.Marketing);

        Assert.Null(maya.ToConfirm);
        Assert.Single((await Models.LoadAsync(maya.ModelId)).Draft.Model.Disqualifiers, d => d.Id == empty.Id);
    }

    [SkippableFact]
    public async Task A_small_edit_is_shared_without_asking()
    {
        var maya = await Services.OpenWorkbenchAsync();

        await maya.EditAsync(maya.Draft.WithCriterionPoints("webinar", 5), Principals.Marketing);

        Assert.Null(maya.ToConfirm);
        Assert.Equal(5, (await Models.LoadAsync(maya.ModelId)).Draft.Model.FindCriterion("webinar")!.BasePoints);
    }

    [SkippableFact]
    public async Task Team_settings_reach_open_workbenches()
    {
        var bench = await Services.OpenWorkbenchAsync();

        var result = await Services.GetRequiredService<DraftService>()
            .SetCooldownAsync(bench.ModelId, 45, Principals.Ops);

        Assert.True(result.Wrote, result.Message);
        await Eventually.TrueAsync(() => bench.Draft.Recycling.CooldownDays == 45, "the bench shows 45 days");
        Assert.Equal(result.Draft!.Version, bench.Saved.Version);
    }

    private ModelRepository Models => Services.GetRequiredService<ModelRepository>();
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class SharedDraftOnPostgreSqlTests() : SharedDraftTests(StorageProvider.PostgreSql);
