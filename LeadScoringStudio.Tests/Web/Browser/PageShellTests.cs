using LeadScoringStudio.Security;
using Microsoft.Playwright;

namespace LeadScoringStudio.Tests.Web.Browser;

/// <summary>What every page carries: an icon, and nothing the browser asks for that the server does not
/// have.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageShellTests(BrowserFixture browser)
{
    [Fact]
    public async Task Pages_load_without_a_missing_file_and_carry_the_studio_icon()
    {
        var page = await browser.SignInAsync(StudioRoles.Marketing);
        var missing = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                missing.Add($"{response.Status} {response.Url}");
            }
        };

        foreach (var path in new[] { "/", "/leads", "/present" })
        {
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        }

        Assert.Empty(missing);
        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        var served = await page.APIRequest.GetAsync(icon!);
        Assert.Equal(200, served.Status);
        Assert.StartsWith("image/svg+xml", served.Headers["content-type"]);
        await page.Context.CloseAsync();
    }
}
