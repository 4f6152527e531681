using LeadScoringStudio.Security;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class TuningTests(BrowserFixture browser)
{
    [Fact]
    public async Task Ops_runs_a_suggestion_applies_it_as_a_draft_and_sees_the_diff()
    {
        var page = await browser.SignInAsync(StudioRoles.Ops, "/tuning");

        await page.GetByTestId("run-tuning").ClickAsync();

        await Expect(page.GetByTestId("backtest")).ToContainTextAsync("held out");
        await Expect(page.GetByTestId("backtest-draft")).ToContainTextAsync("0.");
        await Expect(page.GetByTestId("backtest-suggested")).ToContainTextAsync("0.");
        await Expect(page.GetByTestId("suggested-weights")).ToContainTextAsync("Demo request");
        await Expect(page.GetByTestId("roc")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("cell-outcomes")).ToContainTextAsync("Outcome rate of held-out leads per cell");
        await page.GetByTestId("run-capacity").ClickAsync();
        await Expect(page.GetByTestId("capacity-summary")).ToContainTextAsync("MQLs a month");
        await page.GetByTestId("apply-suggestion").ClickAsync();
        await Expect(page.GetByTestId("applied-diff")).ToContainTextAsync("points");
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("[data-interactive]");
        await Expect(page.GetByTestId("draft-status")).ToContainTextAsync("last change by ops@demo.local");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sales_cannot_open_tuning()
    {
        var page = await browser.SignInAsync(StudioRoles.Sales, "/tuning");

        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
