using Bunit;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Hosting;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeadScoringStudio.Tests.Web;

public class LeadsPageTests : MudBlazorContext
{
    private readonly DemoWorkspace _workspace;

    public LeadsPageTests()
    {
        _workspace = new DemoWorkspace(Options.Create(new DemoOptions { Seed = 1, LeadCount = 40 }), new FakeTimeProvider(Leads.AsOf));
        Services.AddSingleton(_workspace);
    }

    [Fact]
    public void Lists_leads_best_first_with_cell_score_and_action()
    {
        var page = Render<LeadsPage>();

        var rows = page.FindAll("[data-testid=leads-table] tbody tr");
        Assert.Equal(15, rows.Count);
        var first = _workspace.Leads[0];
        Assert.Contains(first.Lead.Name, rows[0].TextContent);
        Assert.Contains(first.Score.Cell.ToString(), rows[0].TextContent);
        Assert.Contains(first.Score.Action.Label, rows[0].TextContent);
        Assert.Contains($"{_workspace.Leads.Count(l => l.Score.IsMql)} MQLs", page.Markup);
    }

    [Fact]
    public void Clicking_a_lead_shows_its_explanation_adding_up_to_its_score()
    {
        var page = Render<LeadsPage>();
        Assert.Empty(page.FindAll("[data-testid=explanation]"));

        page.FindAll("[data-testid=leads-table] tbody tr")[2].Click();

        var lead = _workspace.Leads[2];
        var explanation = page.Find("[data-testid=explanation]");
        Assert.Contains(lead.Lead.Name, explanation.TextContent);
        Assert.Equal(lead.Score.Total.ToString(), page.Find("[data-testid=explanation-total]").TextContent.Trim());
        Assert.Equal(lead.Score.Explanation.Count + 1, explanation.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public void Search_narrows_the_list()
    {
        var page = Render<LeadsPage>();
        var target = _workspace.Leads[7].Lead;

        page.Find("input").Input(target.Email);

        var rows = page.FindAll("[data-testid=leads-table] tbody tr");
        Assert.All(rows, row => Assert.Contains(target.Company, row.TextContent));
        Assert.True(rows.Count < 15);
    }
}
