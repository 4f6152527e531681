using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Tuning;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Tuning;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Tuning;

public class TuningServiceTests : StorageTest
{
    public TuningServiceTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected TuningServiceTests(StorageProvider provider)
        : base(seedDemo: true, leadCount: 600, provider: provider)
    {
    }

    private TuningService Tuning => Services.GetRequiredService<TuningService>();

    [SkippableTheory]
    [InlineData(TuningOutcome.Converted)]
    [InlineData(TuningOutcome.AcceptedBySales)]
    public async Task A_run_on_the_demo_workspace_backtests_on_held_out_leads_and_explains_each_criterion(TuningOutcome outcome)
    {
        var run = (await Tuning.RunAsync(outcome))!;

        Assert.StartsWith("time-ordered", run.Suggestion.Split.Description);
        Assert.All(run.Suggestion.Backtests, b => Assert.InRange(b.Auc, 0.3, 1.0));
        Assert.Equal(StarterModel.Create().Criteria.Count,
            run.Suggestion.Weights.Count(w => w.CriterionId is not null));
        Assert.Contains(run.RejectionReasons.Values, r => r.Length > 0);
        Assert.Equal(run.Cells.Sum(c => c.Leads), run.Cells.Sum(c => c.Leads));
    }

    [SkippableFact]
    public async Task Applying_a_suggestion_and_a_capacity_proposal_changes_the_draft_as_logged_edits()
    {
        var run = (await Tuning.RunAsync(TuningOutcome.Converted))!;

        var (result, changes) = await Tuning.ApplyAsync(run.Base,
            DraftPreview.Of(run.Suggestion, [], fitScale: true).Model, Principals.Ops);
        var plan = await Tuning.CapacityAsync();
        var capacity = await Tuning.ApplyCapacityAsync(plan, Principals.Ops);

        Assert.True(result.Succeeded, result.Message);
        Assert.NotEmpty(changes);
        Assert.Equal(60, plan.Capacity);
        Assert.True(capacity.Succeeded || capacity.Message == "No change.", capacity.Message);
        var models = Services.GetRequiredService<ModelRepository>();
        var draft = (await models.LoadAsync((await models.DefaultModelIdAsync())!.Value)).Draft.Model;
        Assert.Equal(plan.Proposed.MqlCells, draft.MqlCells.ToList());
        Assert.NotEmpty(await Services.GetRequiredService<ChangeLogRepository>().ListAsync(1, by: "olga@example.com"));
    }

    [SkippableFact]
    public async Task A_model_built_from_the_data_is_shown_with_its_changes_and_impact_and_applied_as_one_logged_edit()
    {
        var building = Services.GetRequiredService<ModelBuilding>();
        var proposal = (await building.ProposeAsync())!;

        Assert.NotEmpty(proposal.Model.Criteria);
        Assert.Contains(proposal.Model.Criteria, c =>
            c.Dimension == Dimension.Engagement); // activity types become engagement signals
        Assert.Contains(proposal.Changes, c => c.Text.StartsWith("Added:"));
        Assert.Equal(["draft now", "logistic fit", "naive Bayes baseline", "proposed"],
            proposal.Backtests.Select(b => b.Name));
        Assert.True(proposal.Mqls > 0);
        Assert.All(proposal.AtLimits, l => Assert.Equal(0, l.Share));

        var (result, _) = await Tuning.ApplyAsync(proposal.Base, proposal.Model, Principals.Marketing);

        Assert.True(result.Succeeded, result.Message);
        var models = Services.GetRequiredService<ModelRepository>();
        Assert.Equal(proposal.Model, (await models.LoadAsync((await models.DefaultModelIdAsync())!.Value)).Draft.Model);
        Assert.InRange(await building.CoverageAsync(), 0.99, 1.0);
    }

    [SkippableFact]
    public async Task Two_versions_are_judged_on_the_same_held_out_leads_with_mqls_a_month_and_outcomes_per_cell()
    {
        var backtests = (await Tuning.CompareAsync(1, 0, TuningOutcome.Converted))!;

        Assert.Equal(["v1", "draft"], backtests.Select(b => b.Name));
        Assert.Equal(backtests[0].Outcomes, backtests[1].Outcomes);
        Assert.All(backtests, b => Assert.True(b.MqlsPerMonth > 0));
        Assert.InRange(backtests[0].CellOutcomes.Values.Sum(c => c.Leads), backtests[0].Outcomes.Count / 2,
            backtests[0].Outcomes.Count); // disqualified leads have no cell
        Assert.True(backtests[0].CellOutcomes["A1"].Rate > backtests[0].CellOutcomes.GetValueOrDefault("D3",
            (Leads: 0, Rate: 0.0)).Rate);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class TuningServiceOnPostgreSqlTests() : TuningServiceTests(StorageProvider.PostgreSql);
