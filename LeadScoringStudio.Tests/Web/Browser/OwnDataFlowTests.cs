using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Api;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

/// <summary>
/// A new workspace as a new user meets it: no demo data, a real export (every 14th row of the bank file, 2,942 people
/// over the whole campaign), and the loop from import to a published model that the API scores with.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OwnDataFlowTests(BrowserFixture browser)
{
    private const int Rows = 2942;

    [Fact]
    public async Task Import_fields_build_a_model_tune_leave_a_field_out_apply_publish_and_score_through_the_api()
    {
        using var storage = new TestStorage(seedDemo: false);
        await using var app = new StudioApp(storage);
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl,
            ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await CreateFirstAccountAsync(page);

        // Import: types and "no value" texts guessed, no id column, so the row number is chosen as the id.
        await page.GotoAsync("/import");
        await page.WaitForSelectorAsync("[data-interactive]");
        await page.UploadAsync("leads-file", "bank-sample.csv", "text/csv", Sample());
        await Expect(page.GetByTestId("lead-id")).ToContainTextAsync("none can be the lead id");
        await Expect(page.GetByTestId("map-pdays")).ToContainTextAsync("999 stands apart from the other values");
        await page.GetByText("Use the row number as the id").ClickAsync();
        await page.GetByTestId("check").ClickAsync();
        await Expect(page.GetByTestId("check-summary"))
            .ToContainTextAsync($"{Rows:N0} leads and 0 activities are ready. No problems found.");
        await page.GetByTestId("import").ClickAsync();
        await Expect(page.GetByTestId("import-done")).ToContainTextAsync($"{Rows:N0} new leads");

        // Fields: every column is a field, with what it holds.
        await page.GotoAsync("/fields");
        await page.WaitForSelectorAsync("[data-interactive]");
        await Expect(page.GetByTestId("field-row-duration")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("fields-table")).ToContainTextAsync("may (");

        // Build a model from the data: duration gives the outcome away and is held back until someone answers.
        await page.GotoAsync("/tuning");
        await page.WaitForSelectorAsync("[data-interactive]");
        await Expect(page.GetByTestId("coverage")).ToContainTextAsync("match only 0% of the leads");
        await page.GetByTestId("propose-model").ClickAsync();
        var duration = page.GetByTestId("build-model").GetByTestId("field-duration");
        await Expect(duration).ToContainTextAsync("held back");
        await duration.GetByTestId("after-duration").ClickAsync();
        await Expect(duration).ToContainTextAsync("never: after contact");
        await Expect(page.GetByTestId("proposal-summary")).ToContainTextAsync("criteria");
        await page.GetByTestId("apply-model").ClickAsync();
        await Expect(page.GetByTestId("build-model").GetByTestId("coverage")).ToHaveCountAsync(0);

        // Tune the new draft, leave a field out (the fit runs again without it), and apply what the backtest showed.
        await page.GetByTestId("run-tuning").ClickAsync();
        await Expect(page.GetByTestId("backtest-suggested")).ToContainTextAsync("0.");
        await page.GetByTestId("show-all-fields").Last.ClickAsync();
        await page.GetByTestId("leave-day_of_week").Last.ClickAsync();
        await Expect(page.Locator("[data-testid=field-guard]").Last.GetByTestId("field-day_of_week"))
            .ToContainTextAsync("left out");
        await Expect(page.GetByTestId("suggested-weights")).ToContainTextAsync("removed: left out by choice");
        await page.GetByTestId("apply-suggestion").ClickAsync();
        await Expect(page.GetByTestId("applied-diff")).ToBeVisibleAsync();

        // Publish, then score a lead through the API with the published version.
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("[data-interactive]");
        await page.GetByTestId("publish").ClickAsync();
        await page.GetByTestId("publish-note")
            .FillAsync("Built from the bank export; duration left out as after contact");
        await page.GetByTestId("publish-confirm").ClickAsync();
        await Expect(page.GetByTestId("draft-status")).ToContainTextAsync("published version 2");
        await context.CloseAsync();

        var published = await PublishedVersions.DefaultAsync(app.Services);
        Assert.Equal(2, published.Number);
        Assert.DoesNotContain(published.Model.Criteria, c => c is AttributeCriterion a
            && a.Conditions.Any(w => w.Field is "duration" or "day_of_week"));
        await app.AddTestAccountsAsync();
        var key = (await app.Services.GetRequiredService<ApiKeyRepository>()
            .CreateAsync("crm", ApiScope.Read, Principals.Ops))!.Value.Key;
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var attributes = new Dictionary<string, object> { ["age"] = 31, ["job"] = "student", ["month"] = "mar",
            ["contact"] = "cellular", ["previous"] = 1,
            ["duration"] = 900 };
        var response = await client.PostAsJsonAsync("/api/v1/score", new { attributes });
        var scored = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(response.IsSuccessStatusCode, scored.ToString());
        var lead = new Lead("", attributes.ToDictionary(a => a.Key, a =>
            a.Value is string text ? FieldValue.OfText(text) : FieldValue.OfNumber(Convert.ToDouble(a.Value)),
            StringComparer.OrdinalIgnoreCase), []);
        Assert.Equal(2, scored.GetProperty("modelVersion").GetInt32());
        Assert.Equal(LeadScorer.Score(published.Model, lead, DateTimeOffset.UtcNow).Total,
            scored.GetProperty("total").GetInt32());
    }

    private static async Task CreateFirstAccountAsync(IPage page)
    {
        await page.GotoAsync("/account/setup");
        await page.Locator("#name").WaitForAsync();
        await page.FillAsync("#email", "ops@bank.example");
        await page.FillAsync("#name", "Bank Ops");
        await page.FillAsync("#password", "Long-enough-1");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-interactive]");
    }

    /// <summary>The header and every 14th row of the bank file, as a new user's export.</summary>
    private static byte[] Sample() =>
        Encoding.UTF8.GetBytes(string.Join("\r\n",
            File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "bank-marketing.csv"))
            .Where((_, i) => i % 14 == 0)) + "\r\n");
}
