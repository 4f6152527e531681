using LeadScoringStudio.Core.Changes;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using LeadScoringStudio.Features.Workbench;

namespace LeadScoringStudio.Tests.Web.Workbench;

public class WorkbenchStateTests : StorageTest
{
    public WorkbenchStateTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected WorkbenchStateTests(StorageProvider provider)
        : base(seedDemo: true, leadCount: 400, provider: provider)
    {
    }

    [SkippableFact]
    public async Task An_edit_rescores_every_lead_and_is_shared_at_once()
    {
        var bench = await Services.OpenWorkbenchAsync();
        var revision = bench.Revision;

        await bench.EditAsync(bench.Draft.WithCriterionPoints("persona-buyer", 45), Principals.Marketing);

        Assert.True(bench.Revision > revision);
        Assert.False(bench.HasUnsharedChanges);
        Assert.NotEmpty(bench.Impact.EnteringMql);
        Assert.Equal(45,
            (await Models.LoadAsync(bench.ModelId)).Draft.Model.FindCriterion("persona-buyer")!.BasePoints);
    }

    [SkippableFact]
    public async Task A_draft_with_problems_stays_with_its_author_and_the_preview_keeps_the_last_sound_scores()
    {
        var bench = await Services.OpenWorkbenchAsync();
        await bench.EditAsync(bench.Draft.WithCriterionPoints("persona-buyer", 45), Principals.Marketing);
        var shown = bench.DraftScores;
        var revision = bench.Revision;

        await bench.EditAsync(bench.Draft with { EngagementBands = new GradeBands(10, 20, 30) }, Principals.Marketing);

        Assert.NotEmpty(bench.Problems);
        Assert.True(bench.HasUnsharedChanges);
        Assert.Same(shown, bench.DraftScores);
        Assert.Equal(revision, bench.Revision);
        Assert.Equal(new GradeBands(60, 35, 15), (await Models.LoadAsync(bench.ModelId)).Draft.Model.EngagementBands);
    }

    [SkippableFact]
    public async Task One_persons_edit_arrives_in_the_others_workbench()
    {
        var maya = await Services.OpenWorkbenchAsync();
        var sam = await Services.OpenWorkbenchAsync();
        var changed = 0;
        sam.Changed += () => changed++;

        await maya.EditAsync(maya.Draft.WithCriterionPoints("webinar", 9), Principals.Marketing);

        await sam.ShowsVersionAsync(maya.Saved.Version);
        await Eventually.TrueAsync(() => changed > 0, "Sam's page is told to redraw");
        Assert.Equal(9, sam.Draft.FindCriterion("webinar")!.BasePoints);
        Assert.Equal(maya.Saved.Version, sam.Saved.Version);
        Assert.Equal(maya.Impact.DraftMql, sam.Impact.DraftMql);
    }

    [SkippableFact]
    public async Task Two_people_changing_the_same_field_at_once_get_a_conflict_and_the_second_chooses()
    {
        var maya = await Services.OpenWorkbenchAsync();
        var sam = await Services.OpenWorkbenchAsync();
        var held = new List<Func<Task>>();
        sam.Dispatch = work => { held.Add(work); return Task.CompletedTask; }; // Maya's change has not reached Sam yet.

        await maya.EditAsync(maya.Draft.WithCriterionPoints("pricing-page", 20), Principals.Marketing);
        await sam.EditAsync(sam.Draft.WithCriterionPoints("pricing-page", 15), Principals.Sales);

        var conflict = Assert.Single(sam.Conflicts);
        Assert.Equal(("15", "20"), (conflict.Mine, conflict.Theirs));
        Assert.True(sam.HasUnsharedChanges);
        Assert.Equal(20, (await Models.LoadAsync(sam.ModelId)).Draft.Model.FindCriterion("pricing-page")!.BasePoints);

        await sam.ResolveAsync(new Dictionary<string, MergeChoice> { [conflict.Path] = MergeChoice.Mine },
            Principals.Sales);

        Assert.Empty(sam.Conflicts);
        Assert.Equal(15, (await Models.LoadAsync(sam.ModelId)).Draft.Model.FindCriterion("pricing-page")!.BasePoints);
        await Eventually.TrueAsync(() => maya.Draft.FindCriterion("pricing-page")!.BasePoints == 15,
            "Maya sees Sam's choice");
    }

    [SkippableFact]
    public async Task Publishing_makes_the_draft_the_baseline_everywhere()
    {
        var ops = await Services.OpenWorkbenchAsync();
        var maya = await Services.OpenWorkbenchAsync();
        await maya.EditAsync(maya.Draft.WithCriterionPoints("persona-buyer", 45), Principals.Marketing);

        await ops.ShowsVersionAsync(maya.Saved.Version);
        var result = await ops.PublishAsync(Principals.Ops, "buyers matter more");

        await Eventually.TrueAsync(() => maya.Published?.Number == 2, "Maya sees version 2 published");
        Assert.Equal(2, result.PublishedNumber);
        Assert.Equal((2, 2), (ops.Published!.Number, maya.Published!.Number));
        Assert.Empty(maya.Impact.EnteringMql);
        Assert.Empty(maya.Impact.LeavingMql);
    }

    [SkippableFact]
    public async Task Rolling_back_makes_an_old_version_the_draft_as_one_logged_edit()
    {
        var bench = await Services.OpenWorkbenchAsync();
        await bench.EditAsync(bench.Draft.WithCriterionPoints("webinar", 9), Principals.Marketing);

        await bench.RollbackAsync(1, Principals.Marketing);

        Assert.Equal(StarterModel.Create(), (await Models.LoadAsync(bench.ModelId)).Draft.Model);
        var log = await Services.GetRequiredService<ChangeLogRepository>().ListAsync(bench.ModelId);
        Assert.Equal("Webinar attended: 9 → 4 points", log[0].Text);
    }

    [SkippableFact]
    public async Task An_edit_shows_saving_until_its_commit_lands_and_a_refused_one_says_it_is_not_saved()
    {
        var bench = await Services.OpenWorkbenchAsync();
        var seen = new List<(bool Saving, long Version)>();
        bench.Changed += () => seen.Add((bench.IsSaving, bench.Saved.Version));
        var before = bench.Saved.Version;

        await bench.EditAsync(bench.Draft.WithCriterionPoints("webinar", 9), Principals.Marketing);

        Assert.Equal((true, before), seen[0]);
        Assert.Equal((false, before + 1), seen[^1]);
        Assert.DoesNotContain(seen, s => s.Saving && s.Version > before);

        await bench.EditAsync(bench.Draft.WithCriterionPoints("webinar", 11), Principals.NoRole);

        Assert.False(bench.IsSaving);
        Assert.Equal("Your account has no role that may change the model.", bench.NotSaved);
        Assert.Equal(9, (await Models.LoadAsync(bench.ModelId)).Draft.Model.Criteria.Single(c =>
            c.Id == "webinar").BasePoints);
    }

    [SkippableFact]
    public async Task A_workspace_without_leads_opens_with_an_empty_grid()
    {
        using var storage = new TestStorage(seedDemo: false);
        await using var services = await storage.StartAsync();
        var bench = services.CreateScope().ServiceProvider.GetRequiredService<WorkbenchState>();

        await bench.LoadAsync();
        await bench.EditAsync(bench.Draft.WithCriterionPoints("webinar", 9), Principals.Marketing);

        Assert.Equal(0, bench.Leads.Count);
        Assert.Null(bench.SelectedLead);
        Assert.Equal(0, bench.Impact.DraftCounts.Sum());
    }

    private ModelRepository Models => Services.GetRequiredService<ModelRepository>();
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class WorkbenchStateOnPostgreSqlTests() : WorkbenchStateTests(StorageProvider.PostgreSql);
