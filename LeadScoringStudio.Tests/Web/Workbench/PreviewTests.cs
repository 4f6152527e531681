using Bunit;
using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Features.Workbench.Preview;
using LeadScoringStudio.Tests.TestSupport;

namespace LeadScoringStudio.Tests.Web.Workbench;

public sealed class PreviewTests : MudBlazorContext
{
    private static readonly DateTimeOffset AsOf = TestSupport.Leads.AsOf;
    private readonly ScoringModel _published = StarterModel.Create();
    private readonly ScoringModel _draft = StarterModel.Create().WithCriterionPoints("persona-buyer", 40);
    private readonly LeadSet _leads = new(
        ExampleLeads.Create(AsOf).Select(e => new StoredLead(e.Lead, LeadOutcome.Unknown, e.Story))
            .Concat(new DemoDataGenerator(3, AsOf).GenerateMany(800).Select(g => new StoredLead(g.Lead, g.Converted ? LeadOutcome.Converted : LeadOutcome.NotConverted, null)))
            .ToList());

    [Fact]
    public void The_grid_shows_draft_counts_the_change_and_outlines_mql_cells()
    {
        var impact = Impact();

        var grid = Render<CellGrid>(p => p.Add(g => g.Impact, impact).Add(g => g.Model, _draft));

        foreach (var cell in Cell.All)
        {
            Assert.Equal(impact.DraftCounts[cell.Index].ToString(), grid.Find($"[data-testid=count-{cell}]").TextContent);
            var change = impact.DraftCounts[cell.Index] - impact.PublishedCounts[cell.Index];
            Assert.Equal(change == 0 ? "±0" : change.ToString("+#;−#"), grid.Find($"[data-testid=change-{cell}]").TextContent);
            Assert.Equal(_draft.MqlCells.Contains(cell), grid.Find($"[data-testid=cell-{cell}]").ClassList.Contains("mql"));
        }

        Assert.Contains($"{impact.EnteringMql.Count} entering", grid.Find("[data-testid=entering-count]").TextContent);
        Assert.True(impact.EnteringMql.Count > 0, "raising buyer points should bring leads into MQL");
    }

    [Fact]
    public void The_mql_lists_name_the_leads_that_enter_and_open_them_when_clicked()
    {
        var impact = Impact();
        int? opened = null;

        var lists = Render<MqlChanges>(p => p
            .Add(m => m.Impact, impact).Add(m => m.Leads, _leads)
            .Add(m => m.DraftScores, Scores(_draft)).Add(m => m.PublishedScores, Scores(_published))
            .Add(m => m.LeadSelected, position => opened = position));

        var first = impact.EnteringMql[0];
        var item = lists.Find("[data-testid=entering-list] .mql-list-item");
        Assert.Contains(_leads.Leads[first].Lead.Name, item.TextContent);
        item.Click();
        Assert.Equal(first, opened);
    }

    [Fact]
    public void The_preview_scores_one_lead_with_both_models_side_by_side()
    {
        var priya = _leads.PositionOf("ex-product-leader")!.Value;
        var lead = _leads.Leads[priya].Lead;

        var preview = Render<LeadPreview>(p => p
            .Add(l => l.Leads, _leads).Add(l => l.Draft, _draft).Add(l => l.Published, _published)
            .Add(l => l.AsOf, AsOf).Add(l => l.Selected, priya));

        var draft = LeadScorer.Score(_draft, lead, AsOf);
        var published = LeadScorer.Score(_published, lead, AsOf);
        Assert.Equal(draft.Total.ToString(), preview.Find("[data-testid=preview-draft] [data-testid=total]").TextContent);
        Assert.Equal(published.Total.ToString(), preview.Find("[data-testid=preview-published] [data-testid=total]").TextContent);
        Assert.Contains(_leads.Leads[priya].ExampleStory!, preview.Markup);
        var buyer = preview.FindAll("[data-testid=preview-explanation] tr").Single(r => r.TextContent.Contains("Buyer persona"));
        Assert.Contains("differs", buyer.ClassName);
        Assert.Equal(["40", "15"], buyer.QuerySelectorAll("td.num").Select(td => td.TextContent));
    }

    [Fact]
    public void Example_chips_pick_the_example_lead()
    {
        int? picked = null;
        var preview = Render<LeadPreview>(p => p
            .Add(l => l.Leads, _leads).Add(l => l.Draft, _draft).Add(l => l.Published, _published)
            .Add(l => l.LeadSelected, position => picked = position));

        preview.FindAll(".mud-chip").Single(c => c.TextContent.Contains("Zoe Young")).Click();

        Assert.Equal(_leads.PositionOf("ex-student"), picked);
    }

    private BatchScores Scores(ScoringModel model) => new BatchScorer(model, _leads.Batch).Score(AsOf);

    private ModelImpact Impact() => ModelImpact.Compare(Scores(_published), Scores(_draft));
}
