using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Features.Pipeline;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Leads;

public class LeadFunnelTests() : StorageTest(seedDemo: true, leadCount: 40)
{
    [SkippableFact]
    public async Task After_a_rescore_the_funnel_is_read_again_unasked_and_the_old_columns_stay_as_they_were()
    {
        var funnel = Services.GetRequiredService<LeadFunnel>();
        var leads = await Services.GetRequiredService<LeadLibrary>().GetAsync();
        var before = await funnel.ColumnsAsync(leads);
        var leadId = leads.IdAt(7);
        await SetStageAsync(leadId, Stage.Customer);

        Services.GetRequiredService<IStudioEvents>().Publish(new QueueChanged());

        await Eventually.TrueAsync(async () => (await funnel.ColumnsAsync(leads)).Stages[7] == Stage.Customer,
            "the funnel is read again after the rescore");
        Assert.NotEqual(Stage.Customer, before.Stages[7]);
    }

    private async Task SetStageAsync(string leadId, Stage stage)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<StudioDbContext>>()
            .CreateDbContextAsync();
        await db.LeadStates.Where(s => s.LeadId == leadId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Stage, stage));
    }
}
