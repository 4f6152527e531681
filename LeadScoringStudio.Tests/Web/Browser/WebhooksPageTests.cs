using LeadScoringStudio.Data;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class WebhooksPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Ops_adds_a_webhook_sees_its_secret_once_and_finds_the_event_bodies_on_the_api_page()
    {
        var page = await browser.SignInAsync(StudioRoles.Ops, "/webhooks");
        await page.GetByTestId("webhook-url").FillAsync("not a url");
        await page.GetByTestId("create-webhook").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("is not a web address");

        await page.GetByTestId("webhook-url").FillAsync("https://crm.example/hooks/studio");
        await page.GetByTestId("webhook-event-Rejected").ClickAsync();
        await page.GetByTestId("create-webhook").ClickAsync();

        await Expect(page.GetByTestId("webhook-secret")).ToContainTextAsync("whsec_");
        await Expect(page.GetByTestId("webhooks")).ToContainTextAsync("lead.became_mql, lead.rejected");
        await using (var db = await browser.Service<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.Webhooks.SingleAsync(w => w.Url == "https://crm.example/hooks/studio");
            Assert.Equal(("lead.became_mql|lead.rejected", "ops@demo.local"), (stored.Events, stored.CreatedBy));
        }

        await page.GotoAsync("/developers");
        await Expect(page.GetByTestId("webhook-help")).ToContainTextAsync("X-Studio-Signature");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "lead.watermark_crossed" })
            .ClickAsync();
        await Expect(page.GetByTestId("webhook-example").Filter(new() { HasText = "lead.watermark_crossed" }))
            .ToContainTextAsync("\"product\": \"Payments\"");
        await page.Context.CloseAsync();
    }
}
