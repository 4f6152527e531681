using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Workbench;
using LeadScoringStudio.Security;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

/// <summary>A workshop on any leads: a random sample of N from one cell of the draft.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkshopLeadsTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_workshop_on_a_sample_from_a_cell_discusses_that_many_leads_all_from_the_cell()
    {
        var maya = await browser.SignInAsync(StudioRoles.Marketing);
        await maya.GetByText("Workshop", new() { Exact = true }).ClickAsync();
        await maya.GetByTestId("workshop-source-Cell").ClickAsync();
        await maya.Locator("input[data-testid=workshop-count]").FillAsync("3");
        await maya.Locator("input[data-testid=workshop-count]").PressAsync("Tab");
        await Expect(maya.GetByTestId("start-workshop")).ToContainTextAsync("Start a workshop on 3 of");

        await maya.GetByTestId("start-workshop").ClickAsync();

        await Expect(maya.GetByTestId("workshop").Locator("[data-testid^=workshop-lead-]")).ToHaveCountAsync(3);
        var models = browser.Service<ModelRepository>();
        var modelId = (await models.DefaultModelIdAsync())!.Value;
        var workshop = (await browser.Service<WorkshopRepository>().OpenAsync(modelId))!;
        var draft = (await models.LoadAsync(modelId)).Draft.Model;
        var basis = await browser.Service<DraftScoring>().BasisAsync();
        Assert.Equal(3, workshop.LeadIds.Count);
        Assert.All(workshop.LeadIds, id => Assert.Equal(new Cell(0, 0),
            LeadScorer.Score(draft, basis.Leads.Leads[basis.Leads.PositionOf(id)!.Value].Lead, basis.AsOf).Cell));
        await maya.GetByTestId("close-workshop").ClickAsync();
        await Expect(maya.GetByTestId("start-workshop")).ToBeVisibleAsync();
        await maya.Context.CloseAsync();
    }
}
