using LeadScoringStudio.Tests.TestSupport;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LeadPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Marketing_opens_a_lead_page_from_the_quadrant_and_sees_its_history_in_labelled_words()
    {
        var page = await browser.SignInAsync(StudioRoles.Marketing);
        await page.GetByText("Quadrant", new() { Exact = true }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('quadrant-chart')?.data?.length >= 3");
        var hover = await page.EvaluateAsync<string>("() => document.getElementById('quadrant-chart').data[0].text[5]");
        await page.EvaluateAsync("() => document.getElementById('quadrant-chart').emit('plotly_click', { points: [{ " +
            "curveNumber: 0, pointNumber: 5, pointIndex: 5, fullData: { index: 0 }, x: 0, y: 0 }] })");

        await page.GetByTestId("preview-open-lead").ClickAsync();

        await Expect(page.GetByTestId("lead-page")).ToBeVisibleAsync();
        Assert.Matches("/leads/[^/]+$", page.Url);
        await Expect(page.GetByTestId("lead-detail")).ToContainTextAsync(
            System.Net.WebUtility.HtmlDecode(hover.Split(" · ")[0]));
        var history = page.GetByTestId("score-history");
        await Expect(history.GetByTestId("history-tick").First).ToHaveTextAsync("0");
        Assert.True(await history.GetByTestId("history-tick").CountAsync() >= 3, "the value axis has ticks");
        await Expect(history.GetByTestId("history-date").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("stage-history")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("feedback-actions").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        await page.GetByText("Data", new() { Exact = true }).ClickAsync();
        var data = page.GetByTestId("lead-data");
        await Expect(data).ToContainTextAsync("Seniority");
        Assert.DoesNotContain("_", await data.Locator("td.change-meta").AllInnerTextsAsync().ContinueWith(t =>
            string.Concat(t.Result)));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_leads_page_filters_by_stage_on_the_server_and_links_each_lead_to_its_page()
    {
        var page = await browser.SignInAsync(StudioRoles.Marketing, "/leads");
        await Expect(page.GetByTestId("lead-link").First).ToBeVisibleAsync();
        var all = await page.GetByTestId("leads-summary").InnerTextAsync();

        await page.Locator(".mud-select").Filter(new() { HasText = "Stage" }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("SAL", new() { Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("leads-summary")).ToContainTextAsync(" match.");
        await Expect(page.GetByTestId("leads-summary")).Not.ToHaveTextAsync(all);
        // The rows follow the summary: wait until every one shown is at SAL.
        await Expect(page.Locator("[data-testid^=stage-] > div").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid^=stage-] > div").Filter(new() { HasNotText = "SAL" }))
            .ToHaveCountAsync(0);
        var name = await page.GetByTestId("lead-link").First.InnerTextAsync();
        await page.GetByTestId("lead-link").First.ClickAsync();
        await Expect(page.GetByTestId("lead-stage")).ToContainTextAsync("Stage: SAL");
        await Expect(page.GetByTestId("lead-detail")).ToContainTextAsync(name);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_lead_page_is_reachable_by_its_address_and_a_missing_one_says_so()
    {
        var leads = await browser.Service<LeadLibrary>().GetAsync();
        var lead = leads.Leads.First(l => l.IsExample).Lead;
        var page = await browser.SignInAsync(StudioRoles.Sales, "/" + LeadText.Link(lead.Id));

        await Expect(page.GetByTestId("lead-detail")).ToContainTextAsync(lead.Name);
        await Expect(page.GetByTestId("lead-detail")).ToContainTextAsync($"id {lead.Id}");

        await page.GotoAsync("/leads/no-such-lead");
        await Expect(page.GetByTestId("lead-missing")).ToContainTextAsync("no lead with id “no-such-lead”");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_made_up_lead_is_scored_against_the_draft_line_by_line_and_broken_input_says_where()
    {
        var page = await browser.SignInAsync(StudioRoles.Marketing);
        await page.GetByTestId("preview-made-up").ClickAsync();

        var text = page.GetByTestId("try-text");
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ssZ");
        await text.FillAsync($$"""
            { "attributes": { "seniority": "VP", "company_size": 400 },
              "activities": [ { "type": "demo_request", "at": "{{yesterday}}" } ] }
            """);
        await page.GetByTestId("try-score").ClickAsync();

        // Fit does not age, so the published version's fit for these attributes is known exactly.
        var published = (await PublishedVersions.DefaultAsync(browser.App.Services)).Model;
        var models = browser.Service<global::LeadScoringStudio.Data.ModelRepository>();
        var draft = (await models.LoadAsync((await models.DefaultModelIdAsync())!.Value)).Draft.Model;
        var lead = new Lead("", new Dictionary<string, FieldValue>(StringComparer.OrdinalIgnoreCase)
        {
            ["seniority"] = FieldValue.OfText("VP"), ["company_size"] = FieldValue.OfNumber(400),
        }, []);
        await Expect(page.GetByTestId("try-published")).ToContainTextAsync(
            $"fit {LeadScorer.Score(published, lead, DateTimeOffset.UtcNow).Fit} ·");
        await Expect(page.GetByTestId("try-draft")).ToContainTextAsync(
            $"fit {LeadScorer.Score(draft, lead, DateTimeOffset.UtcNow).Fit} ·");
        await Expect(page.GetByTestId("try-explanation")).ToContainTextAsync("C-level or VP");
        await Expect(page.GetByTestId("try-explanation")).ToContainTextAsync("Demo request");

        await text.FillAsync("{ \"attributes\": { \"seniority\": \"VP\" ");
        await page.GetByTestId("try-score").ClickAsync();
        await Expect(page.GetByTestId("try-problem")).ToContainTextAsync("The JSON breaks at line");
        await page.Context.CloseAsync();
    }
}
