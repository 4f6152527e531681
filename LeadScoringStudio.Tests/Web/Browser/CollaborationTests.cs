using LeadScoringStudio.Data;
using LeadScoringStudio.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

/// <summary>Two and three people in separate browser contexts (own cookies, own circuits) on the same model.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CollaborationTests(BrowserFixture browser)
{
    [Fact]
    public async Task Presence_shows_who_is_here_and_on_what_and_drops_people_who_leave()
    {
        var maya = await browser.SignInAsync(StudioRoles.Marketing);
        var sam = await browser.SignInAsync(StudioRoles.Sales);
        await Expect(maya.GetByTestId("presence")).ToContainTextAsync("sales · Sales · Fit");

        var olga = await browser.SignInAsync(StudioRoles.Ops);
        await olga.GetByText("Grades & actions").ClickAsync();

        await Expect(maya.GetByTestId("presence")).ToContainTextAsync("ops · Ops · Grades & actions");
        await Expect(sam.GetByTestId("presence")).ToContainTextAsync("ops · Ops · Grades & actions");
        await olga.Context.CloseAsync();
        await Expect(maya.GetByTestId("presence")).Not.ToContainTextAsync("ops · Ops");
        await Expect(sam.GetByTestId("presence")).Not.ToContainTextAsync("ops · Ops");
        await Expect(sam.GetByTestId("presence")).ToContainTextAsync("marketing · Marketing");
        await maya.Context.CloseAsync();
        await sam.Context.CloseAsync();
    }

    [Fact]
    public async Task An_edit_appears_in_the_other_persons_editor_and_grid()
    {
        var maya = await browser.SignInAsync(StudioRoles.Marketing);
        var sam = await browser.SignInAsync(StudioRoles.Sales);
        var revision = await sam.GetByTestId("cell-grid").GetAttributeAsync("data-revision");
        var value = await maya.PointsAsync("seniority-director") + 9;

        await maya.SetPointsAsync("seniority-director", value);

        await Expect(sam.Points("seniority-director")).ToHaveValueAsync(value.ToString());
        await Expect(sam.GetByTestId("cell-grid")).Not.ToHaveAttributeAsync("data-revision", revision!);
        await Expect(sam.GetByTestId("draft-status")).ToContainTextAsync("last change by marketing@demo.local");
        await maya.Context.CloseAsync();
        await sam.Context.CloseAsync();
    }

    [Fact]
    public async Task The_same_field_changed_at_once_shows_both_values_and_the_choice_loses_nothing()
    {
        var maya = await browser.SignInAsync(StudioRoles.Marketing);
        var sam = await browser.SignInAsync(StudioRoles.Sales);
        var start = await maya.PointsAsync("seniority-manager");

        browser.App.Events.Hold(); // neither has seen the other's change yet
        await maya.SetPointsAsync("seniority-manager", start + 4);
        await Expect(maya.GetByTestId("draft-status")).ToContainTextAsync("last change by marketing@demo.local");
        await sam.SetPointsAsync("seniority-manager", start + 7);
        var conflict = sam.GetByTestId("conflict");
        await Expect(conflict).ToContainTextAsync($"Yours: {start + 7}");
        await Expect(conflict).ToContainTextAsync($"Theirs: {start + 4}");
        browser.App.Events.Release();
        await Expect(sam.GetByTestId("draft-status")).ToContainTextAsync("Not shared");

        await sam.GetByTestId("resolve").ClickAsync();

        await Expect(sam.GetByTestId("conflicts")).ToHaveCountAsync(0);
        await Expect(maya.Points("seniority-manager")).ToHaveValueAsync((start + 7).ToString());
        var models = browser.Service<ModelRepository>();
        var id = (await models.DefaultModelIdAsync())!.Value;
        Assert.Equal(start + 7, (await models.LoadAsync(id)).Draft.Model.FindCriterion("seniority-manager")!.BasePoints);
        var log = await browser.Service<ChangeLogRepository>().ListAsync(id, criterionId: "seniority-manager", limit: 2);
        Assert.Equal(
            [$"sales@demo.local: Manager: {start + 4} → {start + 7} points", $"marketing@demo.local: Manager: {start} → {start + 4} points"],
            log.Select(c => $"{c.By}: {c.Text}"));
        await maya.Context.CloseAsync();
        await sam.Context.CloseAsync();
    }

    [Fact]
    public async Task A_workshop_vote_shows_in_everyones_tally()
    {
        var maya = await browser.SignInAsync(StudioRoles.Marketing);
        var sam = await browser.SignInAsync(StudioRoles.Sales);
        await maya.GetByText("Workshop", new() { Exact = true }).ClickAsync();
        await maya.GetByTestId("start-workshop").ClickAsync();
        await sam.GetByText("Workshop", new() { Exact = true }).ClickAsync();

        await sam.GetByTestId("workshop-lead-ex-student").GetByTestId("vote-ReachOutNow").ClickAsync();
        await sam.GetByTestId("workshop-lead-ex-pricing-cfo").GetByTestId("vote-ReachOutNow").ClickAsync();

        var student = maya.GetByTestId("workshop-lead-ex-student");
        await Expect(student.GetByTestId("tally")).ToHaveTextAsync("now 1 · nurture 0 · DQ 0");
        await Expect(student.GetByTestId("model")).ToHaveTextAsync("DQ");
        // The CFO's verdict depends on the draft's current weights (other tests change them); the student is disqualified whatever they are.
        await Expect(maya.GetByTestId("agreement")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Agreement with the draft: \d+%"));

        await maya.GetByTestId("workshop-lead-ex-student").GetByTestId("vote-Disqualify").ClickAsync();
        await Expect(sam.GetByTestId("workshop-lead-ex-student").GetByTestId("team")).ToHaveTextAsync("split");
        await maya.GetByTestId("close-workshop").ClickAsync();
        var closed = sam.GetByTestId("closed-workshop").First;
        await Expect(closed).ToContainTextAsync("3 votes");
        await closed.GetByTestId("closed-workshop-toggle").ClickAsync();
        await Expect(closed.GetByTestId("workshop-lead-ex-student").GetByTestId("tally"))
            .ToHaveTextAsync("now 1 · nurture 0 · DQ 1");
        await Expect(closed.GetByTestId("workshop-lead-ex-student").GetByTestId("team")).ToHaveTextAsync("split");
        await Expect(closed.Locator("[data-testid^=workshop-lead-]")).ToHaveCountAsync(12);
        await maya.Context.CloseAsync();
        await sam.Context.CloseAsync();
    }

    [Fact]
    public async Task Publishing_waits_for_Marketing_and_Sales_sign_off_and_a_later_change_voids_it()
    {
        var olga = await browser.SignInAsync(StudioRoles.Ops);
        var maya = await browser.SignInAsync(StudioRoles.Marketing);
        var sam = await browser.SignInAsync(StudioRoles.Sales);
        var status = await olga.GetByTestId("draft-status").InnerTextAsync();
        var published = int.Parse(System.Text.RegularExpressions.Regex.Match(status, @"published version (\d+)").Groups[1].Value);
        await Expect(olga.GetByTestId("publish")).ToBeDisabledAsync();

        await SignOffAsync(maya);
        await Expect(olga.GetByTestId("sign-off")).ToContainTextAsync("Marketing ✓ marketing@demo.local");
        await sam.SetPointsAsync("persona-influencer", await sam.PointsAsync("persona-influencer") + 1);
        await Expect(olga.GetByTestId("sign-off")).ToContainTextAsync("Marketing ✗");

        await SignOffAsync(maya);
        await SignOffAsync(sam);
        await Expect(olga.GetByTestId("sign-off")).ToContainTextAsync("Sales ✓ sales@demo.local");
        await Expect(olga.GetByTestId("publish")).ToBeEnabledAsync();
        await olga.GetByTestId("publish").ClickAsync();
        await olga.GetByTestId("publish-note").FillAsync("Influencers count a little more; signed off by both sides");
        await olga.GetByTestId("publish-confirm").ClickAsync();

        await Expect(olga.GetByTestId("draft-status")).ToContainTextAsync($"published version {published + 1} by ops@demo.local");
        await Expect(maya.GetByTestId("draft-status")).ToContainTextAsync($"published version {published + 1}");
        await olga.Context.CloseAsync();
        await maya.Context.CloseAsync();
        await sam.Context.CloseAsync();
    }

    private static async Task SignOffAsync(IPage page)
    {
        await page.GetByTestId("approve").ClickAsync();
        await Expect(page.GetByTestId("sign-off-review")).ToBeVisibleAsync();
        await page.GetByTestId("approve-confirm").ClickAsync();
        await Expect(page.GetByTestId("sign-off-review")).ToHaveCountAsync(0);
    }
}
