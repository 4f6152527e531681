using LeadScoringStudio.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

/// <summary>An installation with demo seeding off: no demo accounts anywhere, and the first visitor creates the Ops account.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstRunTests(BrowserFixture browser)
{
    [Fact]
    public async Task Without_demo_seeding_the_first_visitor_creates_the_Ops_account_and_opens_the_starter_model()
    {
        using var storage = new TestStorage(seedDemo: false);
        await using var app = new StudioApp(storage);
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("demo-credentials")).ToHaveCountAsync(0);
        await page.GetByTestId("first-account").GetByRole(Microsoft.Playwright.AriaRole.Link).ClickAsync();
        // Enhanced navigation changes the URL before it swaps the page, and both pages have an e-mail box: wait for the setup form itself.
        await page.Locator("#name").WaitForAsync();
        await page.FillAsync("#email", "head.of.ops@example.com");
        await page.FillAsync("#name", "Head of Ops");
        await page.FillAsync("#password", "Long-enough-1");
        await page.ClickAsync("button[type=submit]");

        await page.WaitForSelectorAsync("[data-interactive]");
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("head.of.ops@example.com · Ops");
        await Expect(page.GetByTestId("draft-status")).ToContainTextAsync("published version 1");
        await Expect(page.GetByTestId("count-A1")).ToHaveTextAsync("0");
        await page.GotoAsync("/account/setup");
        await Expect(page.Locator("text=already has accounts")).ToBeVisibleAsync();
        await context.CloseAsync();
    }
}
