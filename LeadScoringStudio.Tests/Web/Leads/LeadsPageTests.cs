using Bunit;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Leads;

public sealed class LeadsPageTests : MudBlazorContext
{
    private readonly TestStorage _storage = new(leadCount: 40);
    private IReadOnlyList<StoredLead> _leads = [];

    public LeadsPageTests()
    {
        _storage.AddTo(Services);
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    public override async Task InitializeAsync()
    {
        await StudioDatabase.PrepareAsync(Services);
        _leads = await Services.GetRequiredService<LeadRepository>().LoadAllAsync();
    }

    protected override async Task DisposeTestAsync()
    {
        await base.DisposeTestAsync();
        _storage.Dispose();
    }

    [Fact]
    public void Lists_stored_leads_mqls_first_with_cell_score_and_action()
    {
        var page = Render<LeadsPage>();
        page.WaitForElement("[data-testid=leads-table] tbody tr", TimeSpan.FromSeconds(10));

        var rows = page.FindAll("[data-testid=leads-table] tbody tr");
        Assert.Equal(15, rows.Count);
        var scores = _leads.Select(l => (l.Lead, Score: LeadScorer.Score(StarterModel.Create(), l.Lead, _storage.Time.GetUtcNow()))).ToList();
        var mqls = scores.Count(s => s.Score.IsMql);
        Assert.Contains($"{_leads.Count} leads · {mqls} MQLs", page.Markup);
        var first = scores.Single(s => rows[0].TextContent.Contains(s.Lead.Name) && rows[0].TextContent.Contains(s.Lead.Company));
        Assert.Equal(mqls > 0, first.Score.IsMql);
        Assert.Contains(first.Score.Action.Label, rows[0].TextContent);
    }

    [Fact]
    public void Clicking_a_lead_shows_its_explanation_adding_up_to_its_score()
    {
        var page = Render<LeadsPage>();
        page.WaitForElement("[data-testid=leads-table] tbody tr", TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=explanation]"));

        var row = page.FindAll("[data-testid=leads-table] tbody tr")[2];
        var lead = _leads.First(l => row.TextContent.Contains(l.Lead.Name) && row.TextContent.Contains(l.Lead.Company)).Lead;

        // The leads are scored off the render thread: the table may render once more after its rows first show.
        page.WaitForAssertion(() =>
        {
            page.FindAll("[data-testid=leads-table] tbody tr")[2].Click();
            Assert.NotEmpty(page.FindAll("[data-testid=explanation]"));
        }, TimeSpan.FromSeconds(10));
        var expected = LeadScorer.Score(StarterModel.Create(), lead, _storage.Time.GetUtcNow());
        var explanation = page.Find("[data-testid=explanation]");
        Assert.Contains(lead.Name, explanation.TextContent);
        Assert.Equal(expected.Total.ToString(), page.Find("[data-testid=explanation-total]").TextContent.Trim());
        Assert.Equal(expected.Explanation.Count + 1, explanation.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Search_finds_a_lead_by_email_and_by_id()
    {
        var page = Render<LeadsPage>();
        page.WaitForElement("[data-testid=leads-table] tbody tr", TimeSpan.FromSeconds(30));
        var target = _leads.First(l => l.IsExample).Lead;

        foreach (var text in new[] { target.Email, target.Id })
        {
            // Found and changed in one go on the renderer, so no render of the last search comes in between.
            await page.InvokeAsync(() => page.Find("input[data-testid=leads-search]").Change(text));
            page.WaitForAssertion(() =>
            {
                var only = Assert.Single(page.FindAll("[data-testid=leads-table] tbody tr"));
                Assert.Contains(target.Name, only.TextContent);
            }, TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public void Pages_hold_fifteen_leads_and_the_pager_counts_them_all()
    {
        var page = Render<LeadsPage>();
        page.WaitForElement("[data-testid=leads-table] tbody tr", TimeSpan.FromSeconds(10));

        page.WaitForAssertion(() => Assert.Contains($"1-15 of {_leads.Count}", page.Find(".mud-table-pagination")
            .TextContent.Replace('–', '-')), TimeSpan.FromSeconds(10));
        var firstPage = page.FindAll("[data-testid=lead-link]").Select(l => l.TextContent).ToList();
        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() =>
        {
            var second = page.FindAll("[data-testid=lead-link]").Select(l => l.TextContent).ToList();
            Assert.Equal(15, second.Count);
            Assert.Empty(second.Intersect(firstPage));
        }, TimeSpan.FromSeconds(10));
    }
}
