using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Queue;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Data;

public class LeadPipelineTests : StorageTest
{
    public LeadPipelineTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected LeadPipelineTests(StorageProvider provider)
        : base(seedDemo: false, provider: provider)
    {
    }

    private static readonly ScoringModel Model = StarterModel.Create();
    private static readonly DateTimeOffset Now = TestSupport.Leads.AsOf;

    [SkippableFact]
    public async Task Crossings_are_recorded_once_and_a_repeat_run_records_nothing()
    {
        var leads = await StoreAsync(Hot("hot-1"), Cold("cold-1"));
        var pipeline = Services.GetRequiredService<LeadPipeline>();

        var first = await pipeline.RunAsync(Model, 1, leads, Now);
        var again = await pipeline.RunAsync(Model, 1, leads, Now);

        Assert.Equal((1, 1, 2), (first.StageChanges, first.EnteredMql, first.ScorePoints));
        Assert.Equal((0, 0, 0), (again.StageChanges, again.EnteredMql, again.ScorePoints));
        var history = await Services.GetRequiredService<SalesQueueRepository>().HistoryAsync("hot-1");
        var change = Assert.Single(history.StageChanges);
        Assert.Equal((Stage.Lead, Stage.Mql), (change.From, change.To));
        Assert.StartsWith("score reached MQL cell", change.Cause);
    }

    [SkippableFact]
    public async Task Scores_that_move_without_a_stage_change_update_the_state_and_add_a_history_point_only()
    {
        var leads = await StoreAsync(Hot("hot-1"), Cold("cold-1"), Cold("cold-2"));
        var pipeline = Services.GetRequiredService<LeadPipeline>();
        await pipeline.RunAsync(Model, 1, leads, Now);
        var richer = Model.WithCriterionPoints("seniority-exec", Model.FindCriterion("seniority-exec")!.BasePoints + 3);

        var moved = await pipeline.RunAsync(richer, 2, leads, Now.AddHours(1));

        Assert.Equal((0, 0, 1), (moved.StageChanges, moved.EnteredMql, moved.ScorePoints));
        var expected = new LeadScorer(richer).Score(leads.Single(l => l.Lead.Id == "hot-1").Lead, Now.AddHours(1));
        await using var db = await Services.GetRequiredService<IDbContextFactory<StudioDbContext>>()
            .CreateDbContextAsync();
        var state = await db.LeadStates.SingleAsync(s => s.LeadId == "hot-1");
        Assert.Equal((expected.Fit, expected.Engagement, expected.Total, true, Stage.Mql),
            (state.Fit, state.Engagement, state.Total, state.IsMql, state.Stage));
        var points = await db.ScorePoints.Where(p => p.LeadId == "hot-1").OrderBy(p => p.Id).ToListAsync();
        Assert.Equal([(Now, 1), (Now.AddHours(1), 2)], points.Select(p => (p.At, p.ModelVersion)));
        Assert.Equal(expected.Total, points[^1].Total);
        Assert.Equal(1, await db.ScorePoints.CountAsync(p => p.LeadId == "cold-1"));
    }

    [SkippableFact]
    public async Task A_lead_that_cools_down_leaves_mql_once_and_its_score_history_shows_both_moves()
    {
        var leads = await StoreAsync(Hot("hot-1"));
        var pipeline = Services.GetRequiredService<LeadPipeline>();
        await pipeline.RunAsync(Model, 1, leads, Now);

        await pipeline.RunAsync(Model, 1, leads, Now.AddDays(120));
        await pipeline.RunAsync(Model, 1, leads, Now.AddDays(121));

        var history = await Services.GetRequiredService<SalesQueueRepository>().HistoryAsync("hot-1");
        Assert.Equal([(Stage.Lead, Stage.Mql), (Stage.Mql, Stage.Recycled)],
            history.StageChanges.Select(c => (c.From, c.To)));
        Assert.Equal([true, false], history.Scores.Select(s => s.IsMql).Distinct());
    }

    [SkippableFact]
    public async Task New_mqls_are_shared_round_robin_within_the_monthly_cap_and_the_rest_wait_in_the_pool()
    {
        await Services.GetRequiredService<SalesQueueRepository>()
            .SetTeamAsync(["ann@example.com", "bob@example.com"], 2, Principals.Ops);
        var leads = await StoreAsync(Enumerable.Range(1, 5).Select(i => Hot($"hot-{i}")).ToArray());

        await Services.GetRequiredService<LeadPipeline>().RunAsync(Model, 1, leads, Now);

        var queue = Services.GetRequiredService<SalesQueueRepository>();
        var mqls = (await queue.AllStatesAsync()).Where(s => s.Stage == Stage.Mql).ToList();
        Assert.Equal(2, mqls.Count(s => s.AssignedTo == "ann@example.com"));
        Assert.Equal(2, mqls.Count(s => s.AssignedTo == "bob@example.com"));
        var pooled = Assert.Single(mqls, s => s.AssignedTo is null);
        Assert.True(await queue.ClaimAsync(pooled.LeadId, Principals.Sales));
        Assert.False(await queue.ClaimAsync(pooled.LeadId, Principals.Ops));
        Assert.False(await queue.ClaimAsync(leads[0].Lead.Id, Principals.Marketing));
    }

    [SkippableFact]
    public async Task Feedback_moves_the_stage_a_rejection_needs_a_reason_and_a_correction_keeps_the_history()
    {
        var leads = await StoreAsync(Hot("hot-1"), Hot("hot-2"));
        await Services.GetRequiredService<LeadPipeline>().RunAsync(Model, 1, leads, Now);
        var feedback = Services.GetRequiredService<FeedbackService>();
        var stored = Services.GetRequiredService<FeedbackRepository>();

        Assert.Equal(SaveStatus.Invalid, (await feedback.RecordAsync(leads[0].Lead, Model,
            new FeedbackInput(SalesEventKind.Rejected), Principals.Sales, Now)).Status);
        Assert.Equal(SaveStatus.Refused, (await feedback.RecordAsync(leads[0].Lead, Model,
            new FeedbackInput(SalesEventKind.Accepted), Principals.Marketing, Now)).Status);
        Assert.Contains("cannot be marked 'Won'",
            (await feedback.RecordAsync(leads[0].Lead, Model, new FeedbackInput(SalesEventKind.Won), Principals.Sales,
            Now)).Message);

        Assert.True((await feedback.RecordAsync(leads[0].Lead, Model, new FeedbackInput(SalesEventKind.Accepted),
            Principals.Sales, Now.AddHours(1))).Succeeded);
        var accepted = Assert.Single(await stored.ForLeadAsync("hot-1"));
        var corrected = await feedback.CorrectAsync(accepted.Id, leads[0].Lead, Model,
            new FeedbackInput(SalesEventKind.Rejected, RejectionReason.WrongPersona), Principals.Sales);

        Assert.True(corrected.Succeeded, corrected.Message);
        Assert.Equal([(SalesEventKind.Accepted, true), (SalesEventKind.Rejected, false)],
            (await stored.ForLeadAsync("hot-1")).Select(f => (f.Kind, f.Replaced)));
        Assert.Equal(Stage.Recycled, (await Services.GetRequiredService<SalesQueueRepository>()
            .StateAsync("hot-1"))!.Stage);
        var changes = (await Services.GetRequiredService<SalesQueueRepository>().HistoryAsync("hot-1")).StageChanges;
        Assert.Equal([(Stage.Lead, Stage.Mql), (Stage.Mql, Stage.Sal), (Stage.Sal, Stage.Recycled)],
            changes.Select(c => (c.From, c.To)));
        Assert.StartsWith("correction:", changes[^1].Cause);
        var facts = await stored.FactsAsync();
        Assert.Equal((false, RejectionReason.WrongPersona), (Assert.Single(facts).Accepted, facts[0].Reason));
    }

    [SkippableTheory]
    [InlineData(-5000, "cannot be right")]
    [InlineData(2_000_000_000_000, "cannot be right")]
    public async Task An_opportunity_amount_below_zero_or_beyond_a_trillion_is_refused_and_nothing_changes(
        double amount, string said)
    {
        var leads = await StoreAsync(Hot("hot-1"));
        await Services.GetRequiredService<LeadPipeline>().RunAsync(Model, 1, leads, Now);
        var feedback = Services.GetRequiredService<FeedbackService>();
        await feedback.RecordAsync(leads[0].Lead, Model, new FeedbackInput(SalesEventKind.Accepted), Principals.Sales,
            Now);

        var result = await feedback.RecordAsync(leads[0].Lead, Model,
            new FeedbackInput(SalesEventKind.OpportunityCreated, Amount: (decimal)amount), Principals.Sales,
                Now.AddDays(1));

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains(said, result.Message);
        Assert.Equal([SalesEventKind.Accepted],
            (await Services.GetRequiredService<FeedbackRepository>().ForLeadAsync("hot-1")).Select(f => f.Kind));
        Assert.Equal(Stage.Sal, (await Services.GetRequiredService<SalesQueueRepository>().StateAsync("hot-1"))!.Stage);
    }

    [SkippableFact]
    public async Task Feedback_and_its_stage_change_are_one_transaction_so_a_failure_keeps_neither()
    {
        var leads = await StoreAsync(Hot("hot-1"));
        await Services.GetRequiredService<LeadPipeline>().RunAsync(Model, 1, leads, Now);
        var contexts = Services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            // The stage change is written after the feedback row: make that second write fail.
            await db.Database.ExecuteSqlRawAsync(db is PostgreSqlStudioDbContext
                ? "CREATE FUNCTION fail_stage_change() RETURNS trigger AS $$ " +
                    "BEGIN RAISE EXCEPTION 'injected'; END $$ LANGUAGE plpgsql; " +
                    "CREATE TRIGGER fail_stage_change BEFORE INSERT ON \"StageChanges\" " +
                    "FOR EACH ROW EXECUTE FUNCTION fail_stage_change();"
                : "CREATE TRIGGER fail_stage_change BEFORE INSERT ON StageChanges " +
                    "BEGIN SELECT RAISE(ABORT, 'injected'); END;");
        }

        await Assert.ThrowsAsync<DbUpdateException>(() => Services.GetRequiredService<FeedbackService>()
            .RecordAsync(leads[0].Lead, Model, new FeedbackInput(SalesEventKind.Accepted), Principals.Sales, Now));

        Assert.Empty(await Services.GetRequiredService<FeedbackRepository>().ForLeadAsync("hot-1"));
        Assert.Equal(Stage.Mql, (await Services.GetRequiredService<SalesQueueRepository>().StateAsync("hot-1"))!.Stage);
    }

    [SkippableFact]
    public async Task A_rejected_lead_comes_back_only_after_the_cool_down_and_new_engagement()
    {
        var leads = await StoreAsync(Hot("hot-1"));
        var pipeline = Services.GetRequiredService<LeadPipeline>();
        await pipeline.RunAsync(Model, 1, leads, Now);
        await Services.GetRequiredService<FeedbackService>()
            .RecordAsync(leads[0].Lead, Model, new FeedbackInput(SalesEventKind.Rejected, RejectionReason.TooEarly),
            Principals.Sales, Now);

        await pipeline.RunAsync(Model, 1, leads, Now.AddDays(1));
        Assert.Equal(Stage.Recycled, (await Services.GetRequiredService<SalesQueueRepository>()
            .StateAsync("hot-1"))!.Stage);

        var returning = await StoreAsync(Hot("hot-1", daysAgo: -40));
        await pipeline.RunAsync(Model, 1, returning, Now.AddDays(41));
        Assert.Equal(Stage.Mql, (await Services.GetRequiredService<SalesQueueRepository>().StateAsync("hot-1"))!.Stage);
    }

    [SkippableFact]
    public async Task The_demo_workspace_comes_with_months_of_sales_feedback()
    {
        using var storage = new TestStorage(seedDemo: true, leadCount: 400);
        await using var services = await storage.StartAsync();

        var facts = await services.GetRequiredService<FeedbackRepository>().FactsAsync();
        var summary = FeedbackSummary.Of(facts);

        Assert.True(summary.Accepted + summary.Rejected > 20, $"{summary.Accepted} accepted, {summary.Rejected} rejected");
        Assert.InRange(summary.AcceptanceRate!.Value, 0.5, 0.9);
        Assert.True(facts.Max(f => f.At) - facts.Min(f => f.At) > TimeSpan.FromDays(60));
        await using var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>()
            .CreateDbContextAsync();
        Assert.True(await db.Feedback.AnyAsync(f => f.Kind == SalesEventKind.Won && f.Amount > 0));
    }

    [SkippableFact]
    public async Task A_watermark_crossing_is_recorded_once_and_goes_to_the_outbox_with_the_stage_change()
    {
        await using (var db = await Services.GetRequiredService<IDbContextFactory<StudioDbContext>>()
            .CreateDbContextAsync())
        {
            db.Webhooks.Add(new WebhookRecord { Url = "https://crm.example/hook", Secret = "s", CreatedBy = "ops",
                Events = "lead.watermark_crossed|lead.became_mql" });
            await db.SaveChangesAsync();
        }

        var payments = Hot("hot-payments");
        for (var i = 0; i < 5; i++)
        {
            payments = payments.Did("page_visit", 2 + i, ("url", "/product/payments"));
        }

        payments = payments.Did("content_download", 2, ("topic", "payments"))
            .Did("content_download", 3, ("topic", "payments"));
        var leads = await StoreAsync(payments);
        var pipeline = Services.GetRequiredService<LeadPipeline>();

        await pipeline.RunAsync(Model, 1, leads, Now);
        await pipeline.RunAsync(Model, 1, leads, Now.AddHours(1));

        var history = await Services.GetRequiredService<SalesQueueRepository>().HistoryAsync("hot-payments");
        var crossing = Assert.Single(history.StageChanges, c => c.From == c.To);
        Assert.Equal(("hot for payments", "payments", Now), (crossing.Cause, crossing.Category, crossing.At));
        var since = await Services.GetRequiredService<SalesQueueRepository>().HotSinceAsync(["hot-payments", "other"]);
        Assert.Equal(Now, Assert.Single(since, s => s.Key == ("hot-payments", "payments")).Value);
        await using var check = await Services.GetRequiredService<IDbContextFactory<StudioDbContext>>()
            .CreateDbContextAsync();
        var outbox = await check.WebhookDeliveries.OrderBy(d => d.Id).ToListAsync();
        Assert.Equal(["lead.became_mql", "lead.watermark_crossed"], outbox.Select(d => d.Event).Order());
        Assert.Contains("\"product\":\"Payments\"", outbox.Single(d => d.Event == "lead.watermark_crossed").Body);
        Assert.All(outbox, d => Assert.Equal((DeliveryStatus.Pending, "hot-payments"), (d.Status, d.LeadId)));
    }

    private async Task<IReadOnlyList<StoredLead>> StoreAsync(params Lead[] leads)
    {
        var writer = Services.GetRequiredService<LeadWriter>();
        await writer.UpsertAsync(
            leads.Select(l => new LeadScoringStudio.Core.Import.ImportedLead(0, l.Id, l.Attributes, null)).ToList(),
            leads.SelectMany(l => l.Activities.Select(a => new LeadScoringStudio.Core.Import.ImportedActivity(0, l.Id,
                a))).ToList());
        var all = await Services.GetRequiredService<LeadRepository>().LoadAllAsync();
        return all.Where(s => leads.Any(l => l.Id == s.Lead.Id)).ToList();
    }

    /// <summary>A VP buyer at a target company who asked for a demo and looked at pricing: an A1 lead.</summary>
    private static Lead Hot(string id, int daysAgo = 1) =>
        TestSupport.Leads.With(("seniority", "VP"), ("persona", "buyer"), ("industry", "Software"),
            ("company_size", 1000), ("country", "US"), ("budget_confirmed", true),
            ("authority", "decision maker")) with { Id = id }
            is var lead ? lead.Did("demo_request", daysAgo).Did("page_visit", daysAgo, ("url", "/pricing"))
                .Did("trial_signup", daysAgo) : lead;

    private static Lead Cold(string id) => TestSupport.Leads.With(("seniority", "Manager")) with { Id = id };
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class LeadPipelineOnPostgreSqlTests() : LeadPipelineTests(StorageProvider.PostgreSql);
