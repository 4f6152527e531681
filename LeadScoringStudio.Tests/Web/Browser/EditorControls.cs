using Microsoft.Playwright;

namespace LeadScoringStudio.Tests.Web.Browser;

/// <summary>The workbench editor's points fields, as the browser tests read and set them.</summary>
public static class EditorControls
{
    public static ILocator Points(this IPage page, string criterion) =>
        page.GetByTestId($"criterion-{criterion}").Locator("input[data-testid=points]");

    public static async Task<int> PointsAsync(this IPage page, string criterion) => int.Parse(await page.Points(criterion).InputValueAsync());

    /// <summary>Types the points and presses Enter, as a person would.</summary>
    public static async Task SetPointsAsync(this IPage page, string criterion, int points)
    {
        await page.Points(criterion).FillAsync(points.ToString());
        await page.Points(criterion).PressAsync("Enter");
    }
}
