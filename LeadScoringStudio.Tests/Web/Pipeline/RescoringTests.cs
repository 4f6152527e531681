using System.Net.Http.Json;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Data;
using LeadScoringStudio.Tests.TestSupport;
using LeadScoringStudio.Tests.Web.Browser;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Pipeline;

public sealed class RescoringTests
{
    [Fact]
    public async Task New_activity_through_the_api_rescores_the_lead_and_records_its_crossing_once()
    {
        using var storage = new TestStorage(leadCount: 30);
        await using var app = new StudioApp(storage, realPort: false);
        await app.AddTestAccountsAsync();
        var queue = app.Services.GetRequiredService<SalesQueueRepository>();
        var lead = (await app.Services.GetRequiredService<LeadRepository>().LoadAllAsync())
            .Single(l => l.Lead.Id == "ex-enterprise-quiet");
        await WaitAsync(async () => (await queue.StateAsync(lead.Lead.Id))?.Stage == Stage.Lead);
        var key = (await app.Services.GetRequiredService<ApiKeyRepository>()
            .CreateAsync("events", ApiScope.Write, Principals.Ops))!.Value.Key;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var now = DateTimeOffset.UtcNow;

        var response = await client.PostAsJsonAsync("/api/v1/activities", new object[]
        {
            new { leadId = lead.Lead.Id, type = "demo_request", at = now.AddHours(-2) },
            new { leadId = lead.Lead.Id, type = "page_visit", at = now.AddHours(-3),
                properties = new { url = "/pricing" } },
            new { leadId = lead.Lead.Id, type = "trial_signup", at = now.AddHours(-4) },
            new { leadId = lead.Lead.Id, type = "form_fill", at = now.AddHours(-1),
                properties = new { form = "contact-sales" } },
        });
        response.EnsureSuccessStatusCode();

        await WaitAsync(async () => (await queue.StateAsync(lead.Lead.Id))?.Stage == Stage.Mql);
        await app.Services.GetRequiredService<LeadScoringStudio.Features.Pipeline.PipelineRunner>().RunNowAsync();
        var changes = (await queue.HistoryAsync(lead.Lead.Id)).StageChanges;
        Assert.Single(changes, c => c.To == Stage.Mql);
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(await condition(), "the pipeline did not get there within 10 s");
    }
}
