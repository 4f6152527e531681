using System.Diagnostics;
using LeadScoringStudio.Features.Users;
using LeadScoringStudio.Security;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AccountTests(BrowserFixture browser)
{
    [Fact]
    public async Task Demoted_while_a_tab_is_open_loses_Ops_rights_within_30_seconds_and_cannot_add_anyone()
    {
        var administration = browser.Service<UserAdministration>();
        var ops = await Principals.SignedInAsync(browser.App.Services, "ops@demo.local");
        Assert.True((await administration.AddAsync(ops, "ops2@demo.local", "Second Ops",
            StudioRoles.Ops, "Second-ops-1")).Succeeded);
        var ops2 = (await administration.ListAsync(ops)).Single(u => u.Email == "ops2@demo.local");
        var page = await browser.SignInAsync("ops2@demo.local", "Second-ops-1", "/users");
        await Expect(page.GetByTestId("users-table")).ToBeVisibleAsync();

        var watch = Stopwatch.StartNew();
        Assert.True((await administration.SetRoleAsync(ops, ops2.Id, StudioRoles.Sales)).Succeeded);
        var add = page.GetByTestId("add-user");
        await add.GetByLabel("E-mail (they sign in with it)").FillAsync("backdoor@demo.local");
        await add.GetByLabel("E-mail (they sign in with it)").PressAsync("Tab");
        await add.GetByLabel("First password").FillAsync("Backdoor-pass-1");
        await add.GetByLabel("First password").PressAsync("Tab");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync(new() { Timeout = 5_000 });

        await page.WaitForURLAsync("**/account/login**", new() { Timeout = 30_000 });
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 30);
        Assert.DoesNotContain(await administration.ListAsync(ops), u => u.Email == "backdoor@demo.local");
        await page.GotoAsync("/users");
        Assert.Contains("/account/login", page.Url);
        await page.Context.CloseAsync();
    }
}
