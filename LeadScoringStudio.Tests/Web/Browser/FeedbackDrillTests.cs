using LeadScoringStudio.Security;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class FeedbackDrillTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_count_in_the_feedback_summary_opens_exactly_the_leads_behind_it_each_linked_to_its_page()
    {
        var page = await browser.SignInAsync(StudioRoles.Marketing, "/feedback");
        var count = page.GetByTestId("by-cell").GetByTestId("drill").First;
        await Expect(count).ToBeVisibleAsync();
        var expected = int.Parse(await count.InnerTextAsync());

        await count.ClickAsync();

        var drill = page.GetByTestId("feedback-drill");
        await Expect(drill).ToContainTextAsync(expected == 1 ? "1 lead" : $"{expected:N0} leads");
        await Expect(drill.GetByTestId("drill-lead")).ToHaveCountAsync(expected);
        await drill.GetByTestId("drill-lead").First.GetByRole(Microsoft.Playwright.AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("lead-page")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
