using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Models;
using LeadScoringStudio.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ModelsTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_copy_is_created_switched_to_and_edited_and_the_first_models_draft_does_not_change()
    {
        var models = browser.Service<ModelRepository>();
        var first = (await browser.Service<ModelCatalog>().ListAsync()).Single(m => m.IsDefault);
        var firstBefore = (await models.LoadAsync(first.Id)).Draft;
        var page = await browser.SignInAsync(StudioRoles.Marketing, "/models");

        await page.GetByTestId("model-name").FillAsync("Browser copy");
        await page.GetByTestId("create-model").ClickAsync();
        var row = page.Locator("[data-testid=model-row][data-key=browser-copy]");
        await Expect(row).ToBeVisibleAsync();
        await row.GetByTestId("open-model").ClickAsync();

        await page.WaitForURLAsync("**/?model=browser-copy");
        await Expect(page.GetByTestId("workbench-toolbar")).ToContainTextAsync("Browser copy");
        var points = await page.PointsAsync("seniority-exec") + 7;
        await page.SetPointsAsync("seniority-exec", points);

        var copy = (await browser.Service<ModelCatalog>().ListAsync()).Single(m => m.Key == "browser-copy");
        await TestSupport.Eventually.TrueAsync(async () =>
            (await models.LoadAsync(copy.Id)).Draft.Model.FindCriterion("seniority-exec")!.BasePoints == points,
            "the edit is stored in the copy's draft");
        var firstAfter = (await models.LoadAsync(first.Id)).Draft;
        Assert.Equal((firstBefore.Version, firstBefore.Model), (firstAfter.Version, firstAfter.Model));

        // The picker goes back to the first model, whose points never moved.
        // A click that lands while the page still redraws after the edit is lost, as it would be for a person, who
        // clicks again.
        await TestSupport.Eventually.TrueAsync(async () =>
        {
            await page.GetByTestId("model-picker").ClickAsync();
            var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "(default)" });
            await item.ClickAsync();
            await page.WaitForTimeoutAsync(300);
            return page.Url.EndsWith($"?model={first.Key}", StringComparison.Ordinal);
        }, "the picker goes back to the first model");
        await Expect(page.Points("seniority-exec")).ToHaveValueAsync(
            firstBefore.Model.FindCriterion("seniority-exec")!.BasePoints.ToString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_models_are_compared_on_the_same_leads_grid_movers_and_backtest()
    {
        var catalog = browser.Service<ModelCatalog>();
        var models = browser.Service<ModelRepository>();
        var first = (await catalog.ListAsync()).Single(m => m.IsDefault);
        var tightened = (await models.LoadAsync(first.Id)).Draft.Model with
        {
            Name = "Strict", MqlCells = [global::LeadScoringStudio.Core.Models.Cell.Parse("A1")],
        };
        var strictId = await models.CreateAsync(tightened, "ops@demo.local", "Only A1 is an MQL.");
        var strict = (await catalog.ListAsync()).Single(m => m.Id == strictId);
        var page = await browser.SignInAsync(StudioRoles.Marketing, $"/compare?a={first.Key}&b={strict.Key}");

        await Expect(page.GetByTestId("compare-grid")).ToContainTextAsync("Strict (v1) against Starter model");
        await Expect(page.GetByTestId("mql-summary")).ToContainTextAsync("with Strict (v1)");
        var leaving = page.GetByTestId("mql-changes").Locator(".mql-list").Nth(1);
        await Expect(leaving).Not.ToContainTextAsync("(0)");
        await page.GetByTestId("compare-backtest").ClickAsync();
        await Expect(page.GetByTestId("backtest-Strict")).ToContainTextAsync("Strict (v1)");
        await Expect(page.GetByTestId("backtest-Starter")).ToContainTextAsync("Starter model (v");
        await page.Context.CloseAsync();
    }
}
