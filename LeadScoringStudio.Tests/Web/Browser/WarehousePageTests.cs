using LeadScoringStudio.Features.Warehouse;
using LeadScoringStudio.Security;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class WarehousePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Ops_maps_the_tables_once_and_a_versions_sql_download_reads_them()
    {
        var page = await browser.SignInAsync(StudioRoles.Ops, "/warehouse");
        await page.GetByTestId("leads-table").FillAsync("crm.contacts");
        await page.GetByTestId("activities-table").FillAsync("crm.web_events");
        await page.GetByTestId("column-company_size").FillAsync("employees");
        await page.GetByTestId("save-mapping").ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("The warehouse mapping is saved.");
        await Expect(page.GetByTestId("mapping-saved-by")).ToContainTextAsync("Saved by ops@demo.local");
        await Expect(page.GetByTestId("dbt-sources")).ToContainTextAsync("identifier: \"web_events\"");
        var stored = await browser.Service<WarehouseMappings>().GetAsync();
        Assert.Equal("employees", stored.Mapping.ColumnOf("company_size"));

        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("[data-interactive]");
        await page.GetByText("Versions", new() { Exact = true }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("sql-download").First.ClickAsync());
        var sql = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("FROM \"crm\".\"contacts\" AS l", sql);
        Assert.Contains("l.\"employees\"", sql);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sales_sees_the_mapping_but_cannot_change_it()
    {
        var page = await browser.SignInAsync(StudioRoles.Sales, "/warehouse");

        await Expect(page.GetByTestId("mapping-saved-by")).ToContainTextAsync("Only Ops changes it.");
        await Expect(page.GetByTestId("save-mapping")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("leads-table")).ToHaveAttributeAsync("readonly", "");
        await page.Context.CloseAsync();
    }
}
