using System.Text;
using LeadScoringStudio.Data;
using LeadScoringStudio.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ImportWizardTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_small_file_is_read_mapped_checked_and_imported_skipping_the_bad_row_on_request()
    {
        var page = await browser.SignInAsync(StudioRoles.Marketing, "/import");
        var file = "Lead ID;Name;E-mail;Company size (employees);Seniority\nwiz-1;Ada Wizard;ada@wizard.io;250;VP\nwiz-2;Ben Wizard;ben@wizard.io;lots;Manager\nex-product-leader;;;1300;\n";

        await page.UploadAsync("leads-file", "crm.csv", "text/csv", Encoding.UTF8.GetBytes(file));

        await Expect(page.GetByTestId("file-format"))
            .ToContainTextAsync("crm.csv: semicolon-separated, utf-8, with a header row, ");
        await Expect(page.GetByTestId("map-Company size (employees)")).ToContainTextAsync("250 · lots · 1300");
        await page.GetByTestId("check").ClickAsync();
        await Expect(page.GetByTestId("check-summary"))
            .ToContainTextAsync("2 leads and 0 activities are ready. 1 problem in 1 row");
        await Expect(page.GetByTestId("problems")).ToContainTextAsync("'lots' is not a number");
        await Expect(page.GetByTestId("import")).ToBeDisabledAsync();

        await page.GetByText("Import the rest and skip the 1 row with problems").ClickAsync();
        await page.GetByTestId("import").ClickAsync();

        await Expect(page.GetByTestId("import-done")).ToContainTextAsync("Imported: 1 new lead, 1 updated");
        await Expect(page.GetByTestId("import-history")).ToContainTextAsync("crm.csv");
        var leads = browser.Service<LeadRepository>();
        Assert.Equal("Ada Wizard", (await leads.FindAsync("wiz-1"))!.Lead.Name);
        Assert.Null(await leads.FindAsync("wiz-2"));
        Assert.Equal(1300, (await leads.FindAsync("ex-product-leader"))!.Lead.Attribute("company_size").Number);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Columns_named_as_another_crm_names_them_are_mapped_by_meaning_and_say_why()
    {
        var page = await browser.SignInAsync(StudioRoles.Marketing, "/import");
        var file = "Record ID,Full name,Employees,Industy\nmean-1,Grace Meaning,120,Software\n";

        await page.UploadAsync("leads-file", "other-crm.csv", "text/csv", Encoding.UTF8.GetBytes(file));

        var name = page.GetByTestId("map-Full name");
        await Expect(name.GetByTestId("why")).ToHaveTextAsync("“Full name” means name");
        await Expect(name.Locator("input").First).ToHaveValueAsync("Name");
        var employees = page.GetByTestId("map-Employees");
        await Expect(employees.GetByTestId("why")).ToHaveTextAsync("“Employees” means company size (employees)");
        await Expect(employees.GetByLabel("Field name")).ToHaveValueAsync("company_size");
        await Expect(page.GetByTestId("map-Industy").GetByLabel("Field name")).ToHaveValueAsync("industry");
        await page.GetByTestId("check").ClickAsync();
        await page.GetByTestId("import").ClickAsync();

        await Expect(page.GetByTestId("import-done")).ToBeVisibleAsync();
        var lead = (await browser.Service<LeadRepository>().FindAsync("mean-1"))!.Lead;
        Assert.Equal(("Grace Meaning", 120.0), (lead.Name, lead.Attribute("company_size").Number));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sales_cannot_open_the_import_page()
    {
        var page = await browser.SignInAsync(StudioRoles.Sales, "/import");

        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
