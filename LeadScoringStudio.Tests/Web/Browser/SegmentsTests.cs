using LeadScoringStudio.Features.Segments;
using LeadScoringStudio.Security;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SegmentsTests(BrowserFixture browser)
{
    [Fact]
    public async Task Lowering_the_enterprise_threshold_shows_who_moves_before_anything_lands()
    {
        var routes = browser.Service<SegmentRoutes>();
        var live = (await routes.GetAsync())!;
        var page = await browser.SignInAsync(StudioRoles.Ops, "/segments");
        await Expect(page.GetByTestId("live-segment")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("live-segment").First).ToContainTextAsync("Enterprise");

        await page.GetByTestId("rule-values").First.FillAsync("200");
        await page.GetByTestId("rule-values").First.PressAsync("Tab");
        await page.GetByTestId("preview-routing").ClickAsync();

        await Expect(page.GetByTestId("impact-moved")).ToContainTextAsync("from SMB and mid-market to Enterprise");
        await Expect(page.GetByTestId("impact-mql")).ToContainTextAsync("become MQLs");
        await Expect(page.GetByTestId("publish-routing")).ToContainTextAsync($"Publish routing v{live.Number + 1}");
        // Shown, not landed: the live routing is the same one.
        Assert.Same(live, await routes.GetAsync());

        // Any edit hides the impact, so only what was shown can be published.
        await page.GetByTestId("rule-values").First.FillAsync("300");
        await page.GetByTestId("rule-values").First.PressAsync("Tab");
        await Expect(page.GetByTestId("routing-impact")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
