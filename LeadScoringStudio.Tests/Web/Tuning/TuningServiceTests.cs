using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Tuning;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Tuning;

public sealed class TuningServiceTests() : StorageTest(seedDemo: true, leadCount: 600)
{
    private TuningService Tuning => Services.GetRequiredService<TuningService>();

    [Theory]
    [InlineData(TuningOutcome.Converted)]
    [InlineData(TuningOutcome.AcceptedBySales)]
    public async Task A_run_on_the_demo_workspace_backtests_on_held_out_leads_and_explains_each_criterion(TuningOutcome outcome)
    {
        var run = (await Tuning.RunAsync(outcome))!;

        Assert.StartsWith("time-ordered", run.Suggestion.Split.Description);
        Assert.All(run.Suggestion.Backtests, b => Assert.InRange(b.Auc, 0.3, 1.0));
        Assert.Equal(StarterModel.Create().Criteria.Count, run.Suggestion.Weights.Count(w => w.CriterionId is not null));
        Assert.Contains(run.RejectionReasons.Values, r => r.Length > 0);
        Assert.Equal(run.Cells.Sum(c => c.Leads), run.Cells.Sum(c => c.Leads));
    }

    [Fact]
    public async Task Applying_a_suggestion_and_a_capacity_proposal_changes_the_draft_as_logged_edits()
    {
        var run = (await Tuning.RunAsync(TuningOutcome.Converted))!;

        var (result, changes) = await Tuning.ApplyAsync(run, [], Principals.Ops);
        var plan = await Tuning.CapacityAsync();
        var capacity = await Tuning.ApplyCapacityAsync(plan, Principals.Ops);

        Assert.True(result.Succeeded, result.Message);
        Assert.NotEmpty(changes);
        Assert.Equal(60, plan.Capacity);
        Assert.True(capacity.Succeeded || capacity.Message == "No change.", capacity.Message);
        var models = Services.GetRequiredService<ModelRepository>();
        var draft = (await models.LoadAsync((await models.FirstModelIdAsync())!.Value)).Draft.Model;
        Assert.Equal(plan.Proposed.MqlCells, draft.MqlCells.ToList());
        Assert.NotEmpty(await Services.GetRequiredService<ChangeLogRepository>().ListAsync(1, by: "olga@example.com"));
    }

    [Fact]
    public async Task Two_versions_are_judged_on_the_same_held_out_leads() =>
        Assert.Equal(["v1", "draft"], (await Tuning.CompareAsync(1, 0, TuningOutcome.Converted))!.Select(b => b.Name));
}
