using System.Net.Http.Json;
using System.Text.Json;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Api;
using LeadScoringStudio.Features.Export;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Features.Pipeline;
using LeadScoringStudio.Features.Queue;
using LeadScoringStudio.Features.Tuning;
using LeadScoringStudio.Tests.TestSupport;
using LeadScoringStudio.Tests.Web.Browser;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Lifecycle;

/// <summary>
/// One truth for stage and outcome, on the seeded demo (16 weeks of SDR work: customers, SALs, recycled leads): the API
/// and
/// the export show the stage the lifecycle recorded, and what sales said (won, lost) is the outcome tuning learns from.
/// </summary>
public sealed class OneTruthTests : IAsyncLifetime
{
    private readonly TestStorage _storage = new(seedDemo: true, leadCount: 300);
    private StudioApp _app = default!;

    private T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        _app = new StudioApp(_storage, realPort: false);
        await _app.AddTestAccountsAsync();
        await Service<PipelineRunner>().RunNowAsync();
    }

    [Fact]
    public async Task Every_lead_is_exported_and_served_by_the_api_with_the_stage_its_lifecycle_recorded()
    {
        var recorded = await Service<SalesQueueRepository>().StagesAsync();
        var rows = (await Service<ScoredLeadExport>().RowsAsync())!.ToList();
        var key = (await Service<ApiKeyRepository>().CreateAsync("stages", ApiScope.Read, Principals.Ops))!.Value.Key;
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        Assert.Contains(recorded.Values, s =>
            s is Stage.Customer or Stage.Sal or Stage.Sql or Stage.Opportunity); // stages no score gives
        Assert.Equal(recorded.Count, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal(recorded[row.Lead.Id], row.Stage);
            var served = await client.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{Uri.EscapeDataString(row.Lead.Id)}/score");
            Assert.Equal(recorded[row.Lead.Id].ToString(), served.GetProperty("stage").GetString());
        }
    }

    [Fact]
    public async Task Lost_or_won_from_sales_is_the_outcome_tuning_learns_from_at_once_and_everyone_is_told()
    {
        var queue = Service<SalesQueueRepository>();
        var stages = await queue.StagesAsync();
        var leads = await Service<LeadLibrary>().GetAsync();
        // The export said this lead converted; sales has just lost it.
        var lead = leads.Leads.First(l =>
            stages.GetValueOrDefault(l.Lead.Id) is Stage.Sal or Stage.Sql or Stage.Opportunity
            && l.Outcome == LeadOutcome.Converted);
        var heard = new List<string>();
        using var _ = _app.Services.GetRequiredService<Features.Collaboration.IStudioEvents>()
            .Subscribe(e => { if (e is FeedbackRecorded f) heard.Add(f.LeadId); });
        bool? Learned(TuningInputs inputs) => inputs.Data.Outcomes[inputs.Leads.PositionOf(lead.Lead.Id)!.Value];
        var before = Learned(await Service<TuningInputsLoader>().LoadAsync(TuningOutcome.Converted));

        var result = await Service<FeedbackService>()
            .RecordAsync(lead.Lead, await PublishedVersions.OfLeadAsync(_app.Services, lead.Lead),
                new FeedbackInput(SalesEventKind.Lost, Comment: "Went with a competitor"),
            Principals.Sales);

        Assert.True(result.Succeeded, result.Message);
        Assert.True(before);
        var after = await Service<TuningInputsLoader>().LoadAsync(TuningOutcome.Converted);
        Assert.False(Learned(after));
        var inLibrary = after.Leads.Leads[after.Leads.PositionOf(lead.Lead.Id)!.Value];
        var inDatabase = (await Service<LeadRepository>().FindAsync(lead.Lead.Id))!;
        Assert.Equal((LeadOutcome.NotConverted, OutcomeSource.Sales), (inLibrary.Outcome, inLibrary.OutcomeSource));
        Assert.Equal((LeadOutcome.NotConverted, OutcomeSource.Sales), (inDatabase.Outcome, inDatabase.OutcomeSource));
        Assert.Equal(Stage.Recycled, (await queue.StateAsync(lead.Lead.Id))!.Stage);
        Assert.Equal([lead.Lead.Id], heard);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _storage.Dispose();
    }
}
