using LeadScoringStudio.Features.Segments;
using System.Text.RegularExpressions;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Api;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Features.Pipeline;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class QueueTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_sdr_works_the_queue_in_order_accepts_rejects_and_records_an_outcome_and_marketing_sees_it()
    {
        var marketing = await browser.SignInAsync(StudioRoles.Marketing, "/feedback");
        var (acceptedBefore, rejectedBefore) = Counts(await marketing.GetByTestId("acceptance").InnerTextAsync());
        var sdr = await browser.SignInAsync(StudioRoles.Sales, "/queue");

        var rows = sdr.GetByTestId("queue-row");
        await Expect(rows.First).ToBeVisibleAsync();
        var order = new List<(int Priority, int Total)>();
        foreach (var row in await rows.AllAsync())
        {
            order.Add((int.Parse((await row.GetAttributeAsync("data-priority"))!), int.Parse((await row.GetAttributeAsync("data-total"))!)));
        }

        Assert.True(order.Count >= 2, "the demo queue has leads");
        Assert.Equal(order.OrderBy(o => o.Priority).ThenByDescending(o => o.Total), order);

        var first = await rows.Nth(0).GetAttributeAsync("data-lead");
        var second = await rows.Nth(1).GetAttributeAsync("data-lead");
        await rows.Nth(0).ClickAsync();
        await ClaimIfPooledAsync(sdr);
        await sdr.GetByTestId("feedback-Accepted").ClickAsync();
        await Expect(sdr.GetByTestId("lead-stage")).ToContainTextAsync("Stage: SAL");
        await sdr.GetByTestId("feedback-MeetingHeld").ClickAsync();
        await Expect(sdr.GetByTestId("lead-stage")).ToContainTextAsync("Stage: SQL");
        await Expect(sdr.GetByTestId("stage-history")).ToContainTextAsync("SAL → SQL");
        await Expect(sdr.GetByTestId("feedback-history")).ToContainTextAsync("Meeting held");
        await Expect(sdr.Locator($"[data-testid=queue-row][data-lead='{first}']")).ToHaveCountAsync(0);

        await sdr.Locator($"[data-testid=queue-row][data-lead='{second}']").ClickAsync();
        await ClaimIfPooledAsync(sdr);
        await sdr.GetByTestId("feedback-Rejected").ClickAsync();
        await sdr.GetByTestId("reason-WrongPersona").ClickAsync();
        await Expect(sdr.GetByTestId("lead-stage")).ToContainTextAsync("Stage: Recycled");
        await Expect(sdr.GetByTestId("feedback-history")).ToContainTextAsync("Rejected: Wrong persona");
        await Expect(sdr.GetByTestId("score-history")).ToBeVisibleAsync();

        await marketing.ReloadAsync();
        await marketing.WaitForSelectorAsync("[data-interactive]");
        await Expect(marketing.GetByTestId("acceptance")).ToContainTextAsync($"({acceptedBefore + 1} accepted, {rejectedBefore + 1} rejected)");
        await marketing.Context.CloseAsync();
        await sdr.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sdr_day_lands_on_the_queue_filters_overdue_works_three_leads_by_key_and_corrects_a_reject()
    {
        await LetThreeMqlsSlipAsync();
        var sdr = await browser.SignInToHomeAsync(StudioRoles.Sales);
        Assert.EndsWith("/queue", sdr.Url);
        await Expect(sdr.GetByTestId("queue-row").First).ToBeVisibleAsync();
        var all = await sdr.GetByTestId("queue-summary").InnerTextAsync();

        await sdr.GetByText("Overdue only").ClickAsync();
        await Expect(sdr.GetByTestId("queue-summary")).Not.ToHaveTextAsync(all);
        var rows = sdr.GetByTestId("queue-row");
        await Expect(rows.First.Locator("td.sla-late")).ToBeVisibleAsync();
        Assert.True(await rows.CountAsync() >= 3, "the demo queue has at least three overdue leads");
        Assert.Equal(await rows.CountAsync(), await sdr.Locator("[data-testid=queue-row] td.sla-late").CountAsync());
        var first = await rows.Nth(0).GetAttributeAsync("data-lead");
        var second = await rows.Nth(1).GetAttributeAsync("data-lead");
        var third = await rows.Nth(2).GetAttributeAsync("data-lead");

        // Lead 1: accept.
        await Expect(sdr.GetByTestId("lead-detail")).ToContainTextAsync($"id {first}");
        await sdr.Keyboard.PressAsync("a");
        await Expect(sdr.GetByTestId("lead-stage")).ToContainTextAsync("Stage: SAL");

        // Lead 2: reject with the first reason, then correct it to an accept.
        await sdr.Keyboard.PressAsync("j");
        await Expect(sdr.GetByTestId("lead-detail")).ToContainTextAsync($"id {second}");
        await sdr.Keyboard.PressAsync("r");
        await Expect(sdr.GetByTestId("feedback-form")).ToBeVisibleAsync();
        await sdr.Keyboard.PressAsync("1");
        await Expect(sdr.GetByTestId("lead-stage")).ToContainTextAsync("Stage: Recycled");
        await sdr.GetByTestId("correct").First.ClickAsync();
        await sdr.GetByTestId("correct-to-accepted").ClickAsync();
        await Expect(sdr.GetByTestId("lead-stage")).ToContainTextAsync("Stage: SAL");
        await Expect(sdr.GetByTestId("feedback-history")).ToContainTextAsync("corrected later");

        // Lead 3: accept.
        await sdr.Keyboard.PressAsync("j");
        await Expect(sdr.GetByTestId("lead-detail")).ToContainTextAsync($"id {third}");
        await sdr.Keyboard.PressAsync("a");
        await Expect(sdr.GetByTestId("lead-stage")).ToContainTextAsync("Stage: SAL");

        var lifecycle = browser.Service<SalesQueueRepository>();
        foreach (var id in new[] { first, second, third })
        {
            var state = await lifecycle.StateAsync(id!);
            Assert.Equal((Stage.Sal, "sales@demo.local"), (state!.Stage, state.AssignedTo));
        }

        await Expect(sdr.Locator($"[data-testid=queue-row][data-lead='{first}']")).ToHaveCountAsync(0);
        await sdr.Context.CloseAsync();
    }

    [Fact]
    public async Task Marketing_cannot_open_the_queue()
    {
        var page = await browser.SignInAsync(StudioRoles.Marketing, "/queue");

        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("feedback-actions")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    /// <summary>Three MQLs in cells with an SLA become the SDR's, ten days ago: overdue today.</summary>
    private async Task LetThreeMqlsSlipAsync()
    {
        var routes = (await browser.Service<SegmentRoutes>().GetAsync())!;
        var leads = await browser.Service<LeadLibrary>().GetAsync();
        await using var db = await browser.Service<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var mqls = (await db.LeadStates.Where(s => s.Stage == Stage.Mql).ToListAsync())
            .Where(s => leads.PositionOf(s.LeadId) is { } p
                && LeadScorer.Score(routes.For(leads.Leads[p].Lead).Published.Model, leads.Leads[p].Lead,
                    DateTimeOffset.UtcNow).Action.SlaHours is not null)
            .Take(3).ToList();
        Assert.Equal(3, mqls.Count);
        foreach (var state in mqls)
        {
            (state.AssignedTo, state.MqlSince) = ("sales@demo.local", DateTimeOffset.UtcNow.AddDays(-10));
        }

        await db.SaveChangesAsync();
        browser.Service<IStudioEvents>().Publish(new QueueChanged());
    }

    private static async Task ClaimIfPooledAsync(IPage page)
    {
        if (await page.GetByTestId("claim").CountAsync() > 0)
        {
            await page.GetByTestId("claim").ClickAsync();
            await Expect(page.GetByTestId("lead-stage")).ToContainTextAsync("assigned to sales@demo.local");
        }
    }

    private static (int Accepted, int Rejected) Counts(string text)
    {
        var match = Regex.Match(text, @"\((\d+) accepted, (\d+) rejected\)");
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
    }
}
