using LeadScoringStudio.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

/// <summary>Presentation mode on a 1024×768 projector: the grid, the MQL count and one lead with its explanation all
/// in view at once, following the room's edits.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PresentationTests(BrowserFixture browser)
{
    [Fact]
    public async Task At_1024_by_768_the_grid_and_the_lead_are_both_in_view_and_follow_an_edit()
    {
        var page = await browser.SignInAsync(StudioRoles.Sales, "/present");
        await page.SetViewportSizeAsync(1024, 768);
        await Expect(page.GetByTestId("present-name")).Not.ToBeEmptyAsync();
        var screenshot = await page.ScreenshotAsync(new()
            { Path = Path.Combine(AppContext.BaseDirectory, "presentation-1024x768.png") });

        var grid = await BoxAsync(page, "present-grid");
        var lead = await BoxAsync(page, "present-lead");
        var mql = await BoxAsync(page, "present-mql");
        var name = await BoxAsync(page, "present-name");
        var explanation = await page.Locator("[data-testid=present-lead] .present-why").BoundingBoxAsync();
        Assert.True(screenshot.Length > 10_000, "the screenshot shows a page");
        foreach (var (what, box) in new[] { ("grid", grid), ("MQL count", mql), ("lead name", name),
            ("explanation", explanation!) })
        {
            Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= 1024 && box.Y + box.Height <= 768,
                $"the {what} is out of view at {box.X},{box.Y} {box.Width}×{box.Height}");
        }

        Assert.True(grid.X + grid.Width <= lead.X, "the grid and the lead sit side by side without overlapping");
        Assert.True(grid.Width >= 400, $"the grid is large ({grid.Width} px wide)");

        var first = await page.GetByTestId("present-name").InnerTextAsync();
        await page.GetByTestId("present-next").ClickAsync();
        await Expect(page.GetByTestId("present-name")).Not.ToHaveTextAsync(first);

        var revision = await page.GetByTestId("cell-grid").GetAttributeAsync("data-revision");
        var editor = await browser.SignInAsync(StudioRoles.Marketing);
        await editor.GetByText("Engagement (", new() { Exact = false }).ClickAsync();
        await editor.SetPointsAsync("email-click", await editor.PointsAsync("email-click") + 1);
        await Expect(page.GetByTestId("cell-grid")).Not.ToHaveAttributeAsync("data-revision", revision!);
        await editor.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(IPage page, string testId) =>
        await page.GetByTestId(testId).BoundingBoxAsync()
            ?? throw new Xunit.Sdk.XunitException($"{testId} is not shown");
}
