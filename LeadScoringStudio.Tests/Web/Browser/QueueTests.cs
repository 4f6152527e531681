using System.Text.RegularExpressions;
using LeadScoringStudio.Security;
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
    public async Task Marketing_cannot_open_the_queue()
    {
        var page = await browser.SignInAsync(StudioRoles.Marketing, "/queue");

        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("feedback-actions")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
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
