using LeadScoringStudio.Data;
using LeadScoringStudio.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(StudioRoles.Marketing)]
    [InlineData(StudioRoles.Sales)]
    [InlineData(StudioRoles.Ops)]
    public async Task Each_role_signs_in_to_the_workbench_with_data(string role)
    {
        var page = await browser.SignInAsync(role);

        var user = DemoUsers.All.Single(u => u.Role == role);
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync($"{user.Email} · {role}");
        await Expect(page.GetByTestId("cell-grid")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("criterion-seniority-exec")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("preview-name")).Not.ToBeEmptyAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_signing_in_every_page_sends_you_to_sign_in()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.App.BaseUrl });
        var page = await context.NewPageAsync();

        foreach (var path in new[] { "/", "/leads", "/users" })
        {
            await page.GotoAsync(path);
            Assert.StartsWith($"{browser.App.BaseUrl}/account/login", page.Url);
        }

        await Expect(page.GetByTestId("demo-credentials")).ToContainTextAsync("ops@demo.local");
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_message()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.App.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");

        await page.FillAsync("#email", "sales@demo.local");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("button[type=submit]");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match");
        Assert.Contains("/account/login", page.Url);
        await context.CloseAsync();
    }

    [Theory]
    [InlineData(StudioRoles.Sales)]
    [InlineData(StudioRoles.Marketing)]
    public async Task Only_Ops_may_open_the_users_page(string role)
    {
        var page = await browser.SignInAsync(role, "/users");

        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("users-table")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Ops_sees_every_user_with_their_role()
    {
        var page = await browser.SignInAsync(StudioRoles.Ops, "/users");

        var table = page.GetByTestId("users-table");
        foreach (var user in DemoUsers.All)
        {
            await Expect(table).ToContainTextAsync(user.Email);
        }

        await page.Context.CloseAsync();
    }
}
