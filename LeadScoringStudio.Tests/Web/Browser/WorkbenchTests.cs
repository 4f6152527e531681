using LeadScoringStudio.Tests.TestSupport;
using LeadScoringStudio.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

/// <summary>
/// The workbench in a real browser. Tests share one database, so each edits its own criterion and
/// reads values relative to what it finds.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkbenchTests(BrowserFixture browser)
{
    [Fact]
    public async Task Changing_a_weight_moves_the_preview_the_grid_and_the_mql_impact_and_shares_the_draft()
    {
        var page = await browser.SignInAsync(StudioRoles.Marketing);
        await page.GetByText("Lena Fischer").ClickAsync();
        await Expect(page.GetByTestId("preview-name")).ToContainTextAsync("Lena Fischer");
        var totalBefore = await page.GetByTestId("preview-draft").GetByTestId("total").InnerTextAsync();
        var countsBefore = await CellCountsAsync(page);
        var buyerPoints = await page.PointsAsync("persona-buyer");

        await page.SetPointsAsync("persona-buyer", buyerPoints + 25);

        await Expect(page.GetByTestId("preview-draft").GetByTestId("total")).Not.ToHaveTextAsync(totalBefore);
        var buyerLine = page.GetByTestId("preview-explanation").Locator("tr", new() { HasText = "Buyer persona" });
        await Expect(buyerLine.Locator("td.num").First).ToHaveTextAsync((buyerPoints + 25).ToString());
        await Expect(page.GetByTestId("entering-count")).Not.ToHaveTextAsync("0 entering");
        Assert.NotEqual(countsBefore, await CellCountsAsync(page));
        await Expect(page.GetByTestId("draft-status")).ToContainTextAsync("last change by marketing@demo.local");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Starting_the_draft_from_an_old_version_asks_first_and_keep_changes_nothing()
    {
        var page = await browser.SignInAsync(StudioRoles.Marketing);
        var status = await page.GetByTestId("draft-status").InnerTextAsync();
        await page.GetByText("Versions", new() { Exact = true }).ClickAsync();

        await page.GetByTestId("rollback").First.ClickAsync();

        var ask = page.GetByTestId("confirm-rollback");
        await Expect(ask).ToContainTextAsync("Replace the shared draft with v");
        await Expect(ask).ToContainTextAsync("(you can undo this)");
        await ask.GetByTestId("confirm-no").ClickAsync();
        await Expect(page.GetByTestId("confirm-rollback")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("draft-status")).ToHaveTextAsync(status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sales_changes_the_shared_draft_but_cannot_publish()
    {
        var page = await browser.SignInAsync(StudioRoles.Sales);
        await page.GetByText("Engagement (", new() { Exact = false }).ClickAsync();
        var newPoints = await page.PointsAsync("email-click") + 1;
        await page.SetPointsAsync("email-click", newPoints);

        await Expect(page.GetByTestId("draft-status")).ToContainTextAsync("last change by sales@demo.local");
        await Expect(page.GetByTestId("publish")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("publish-form")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-interactive]");
        await page.GetByText("Engagement (", new() { Exact = false }).ClickAsync();
        await Expect(page.Points("email-click")).ToHaveValueAsync(newPoints.ToString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_quadrant_draws_every_lead_redraws_on_a_change_and_a_click_opens_that_lead_drawn_on_top()
    {
        var page = await browser.SignInAsync(StudioRoles.Marketing);
        await page.GetByText("Quadrant", new() { Exact = true }).ClickAsync();
        var quadrant = page.GetByTestId("quadrant");
        await page.WaitForFunctionAsync("() => document.getElementById('quadrant-chart')?.data?.length >= 3");
        var revision = await quadrant.GetAttributeAsync("data-revision");

        await page.SetPointsAsync("seniority-exec", await page.PointsAsync("seniority-exec") + 10);
        await Expect(quadrant).Not.ToHaveAttributeAsync("data-revision", revision!);

        // WebGL points cannot be hit reliably by a synthetic mouse; send the click event Plotly itself would send for
        // point 3 of trace 0.
        var hover = await page.EvaluateAsync<string>("() => document.getElementById('quadrant-chart').data[0].text[3]");
        var name = hover.Split(" · ")[0];
        await page.EvaluateAsync("() => document.getElementById('quadrant-chart').emit('plotly_click', { points: [{ " +
            "curveNumber: 0, pointNumber: 3, pointIndex: 3, fullData: { index: 0 }, x: 0, y: 0 }] })");

        await Expect(page.GetByTestId("preview-name")).ToContainTextAsync(name);
        await page.GetByText("Quadrant", new() { Exact = true }).ClickAsync();
        await page.WaitForFunctionAsync("name => { const data = document.getElementById('quadrant-chart')?.data; " +
            "const top = data?.[data.length - 1]; " +
            "return top?.name === 'Selected lead' && top.text[0].startsWith(name); }",
            name);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_problem_is_shown_inline_in_plain_words_and_the_change_is_not_shared()
    {
        var page = await browser.SignInAsync(StudioRoles.Marketing);
        await page.GetByText("Grades & actions").ClickAsync();

        await page.GetByTestId("band-2").FillAsync("90");
        await page.GetByTestId("band-2").PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("fit grade");
        await Expect(page.GetByTestId("problem-count")).ToContainTextAsync("1 problem");
        await Expect(page.GetByTestId("draft-status")).ToContainTextAsync("Not shared yet");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_model_file_becomes_the_draft_only_when_it_has_no_problems()
    {
        var page = await browser.SignInAsync(StudioRoles.Marketing);
        await page.GetByText("Versions", new() { Exact = true }).ClickAsync();
        var broken = """{ "schemaVersion": 1, "name": "Broken", "fitBands": { "first": "high" } }""";

        await page.UploadAsync("model-file", "broken.json", "application/json",
            System.Text.Encoding.UTF8.GetBytes(broken));

        await Expect(page.GetByTestId("model-file-problem").First).ToContainTextAsync("broken.json: $.");
        // Other tests may have published other weights before (a tuned suggestion among them): take points no version
        // has.
        var published = (await PublishedVersions.DefaultAsync(browser.App.Services)).Model
            .FindCriterion("trial-signup")!.BasePoints;
        var good = LeadScoringStudio.Core.Json.ModelFile.Write(LeadScoringStudio.Core.Models.StarterModel.Create()
            .WithCriterionPoints("trial-signup", published + 7));
        await page.UploadAsync("model-file", "tuned.json", "application/json",
            System.Text.Encoding.UTF8.GetBytes(good));
        await Expect(page.GetByTestId("model-file-problem")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("version-diff")).ToContainTextAsync($"Trial sign-up: {published} → " +
            $"{published + 7} points");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Scored_leads_download_as_csv_for_signed_in_people_only()
    {
        var page = await browser.SignInAsync(StudioRoles.Sales);

        var download = await page.Context.APIRequest.GetAsync("/export/leads.csv");
        var anonymous = await (await browser.Browser.NewContextAsync(new() { BaseURL = browser.App.BaseUrl })).APIRequest.GetAsync("/export/leads.csv", new() { MaxRedirects = 0 });

        Assert.Equal(200, download.Status);
        Assert.StartsWith("text/csv", download.Headers["content-type"]);
        var text = (await download.TextAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("id,name,email,company,score,fit,engagement,cell,action,mql,stage,segment,model,top_reasons",
            text);
        // Each lead says which segment, and which model version, scored it.
        Assert.Contains(",Enterprise,enterprise-model v", text);
        Assert.Contains(",SMB and mid-market,starter-model v", text);
        Assert.Equal(302, anonymous.Status);
        await page.Context.CloseAsync();
    }

    private static async Task<string> CellCountsAsync(IPage page) =>
        string.Join(",", await page.Locator("[data-testid^=count-]").AllInnerTextsAsync());
}
