using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using WorkbenchState = LeadScoringStudio.Features.Workbench.Workbench;

namespace LeadScoringStudio.Tests.Web.Workbench;

public sealed class WorkbenchStateTests() : StorageTest(seedDemo: true, leadCount: 400)
{
    [Fact]
    public async Task An_edit_rescores_every_lead_at_once_without_saving()
    {
        var bench = await OpenAsync();
        var revision = bench.Revision;

        bench.Edit(bench.Draft.WithCriterionPoints("persona-buyer", 45));

        Assert.True(bench.Revision > revision);
        Assert.True(bench.HasUnsavedChanges);
        Assert.NotEmpty(bench.Impact.EnteringMql);
        Assert.Equal(StarterModel.Create(), (await Services.GetRequiredService<ModelRepository>().LoadAsync(bench.ModelId)).Draft.Model);
    }

    [Fact]
    public async Task A_draft_with_problems_keeps_showing_the_last_sound_scores()
    {
        var bench = await OpenAsync();
        bench.Edit(bench.Draft.WithCriterionPoints("persona-buyer", 45));
        var shown = bench.DraftScores;
        var revision = bench.Revision;

        bench.Edit(bench.Draft with { EngagementBands = new GradeBands(10, 20, 30) });

        Assert.NotEmpty(bench.Problems);
        Assert.Same(shown, bench.DraftScores);
        Assert.Equal(revision, bench.Revision);
        Assert.Equal(45, bench.ScoredDraft.FindCriterion("persona-buyer")!.BasePoints);
    }

    [Fact]
    public async Task Two_people_saving_the_same_draft_do_not_overwrite_each_other()
    {
        var maya = await OpenAsync();
        var sam = await OpenAsync();
        maya.Edit(maya.Draft.WithCriterionPoints("webinar", 7));
        sam.Edit(sam.Draft.WithCriterionPoints("email-click", 4));

        var first = await maya.SaveAsync(Principals.Marketing);
        var second = await sam.SaveAsync(Principals.Sales);

        Assert.True(first.Succeeded);
        Assert.Equal(SaveStatus.Conflict, second.Status);
        Assert.True(sam.HasUnsavedChanges, "the refused edit stays in the editor, not lost");
        await sam.LoadAsync();
        Assert.Equal(7, sam.Draft.FindCriterion("webinar")!.BasePoints);
        Assert.False(maya.HasUnsavedChanges);
    }

    [Fact]
    public async Task Publishing_makes_the_draft_the_baseline_so_nothing_differs_any_more()
    {
        var bench = await OpenAsync();
        bench.Edit(bench.Draft.WithCriterionPoints("persona-buyer", 45));

        var result = await bench.PublishAsync(Principals.Ops, "buyers matter more");

        Assert.Equal(2, result.PublishedNumber);
        Assert.Equal(2, bench.Published!.Number);
        Assert.Empty(bench.Impact.EnteringMql);
        Assert.Empty(bench.Impact.LeavingMql);
        Assert.False(bench.HasUnsavedChanges);
    }

    [Fact]
    public async Task A_workspace_without_leads_opens_with_an_empty_grid()
    {
        using var storage = new TestStorage(seedDemo: false);
        await using var services = await storage.StartAsync();
        var bench = services.CreateScope().ServiceProvider.GetRequiredService<WorkbenchState>();

        await bench.LoadAsync();
        bench.Edit(bench.Draft.WithCriterionPoints("webinar", 9));

        Assert.Equal(0, bench.Leads.Count);
        Assert.Null(bench.SelectedLead);
        Assert.Equal(0, bench.Impact.DraftCounts.Sum());
        Assert.True(bench.HasUnsavedChanges);
    }

    private async Task<WorkbenchState> OpenAsync()
    {
        var bench = Services.CreateScope().ServiceProvider.GetRequiredService<WorkbenchState>();
        await bench.LoadAsync();
        return bench;
    }
}
