using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Models;
using LeadScoringStudio.Features.Tuning;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Models;

/// <summary>Tuning works on the model it is given: its draft changes, the default model's does not.</summary>
public class ModelTuningTests : StorageTest
{
    public ModelTuningTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected ModelTuningTests(StorageProvider provider)
        : base(seedDemo: true, leadCount: 300, provider: provider)
    {
    }

    [SkippableFact]
    public async Task A_capacity_proposal_for_a_copy_changes_the_copys_draft_only()
    {
        var catalog = Services.GetRequiredService<ModelCatalog>();
        var models = Services.GetRequiredService<ModelRepository>();
        var first = (await catalog.ListAsync()).Single(m => m.IsDefault);
        var before = (await models.LoadAsync(first.Id)).Draft;
        var (_, copy) = await catalog.CreateAsync("Capacity trial", ModelOrigin.Copy, first.Id, Principals.Ops);
        var tuning = Services.GetRequiredService<TuningService>();

        var plan = await tuning.CapacityAsync(copy!.Id);
        var result = await tuning.ApplyCapacityAsync(plan with { Proposed = plan.Proposed with
            { MqlCells = [global::LeadScoringStudio.Core.Models.Cell.Parse("A1")] } }, Principals.Ops, copy.Id);

        Assert.True(result.Wrote);
        Assert.Equal(["A1"], (await models.LoadAsync(copy.Id)).Draft.Model.MqlCells.Select(c => c.ToString()));
        var after = (await models.LoadAsync(first.Id)).Draft;
        Assert.Equal((before.Version, before.Model), (after.Version, after.Model));
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class ModelTuningOnPostgreSqlTests() : ModelTuningTests(StorageProvider.PostgreSql);
