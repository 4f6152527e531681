using Bunit;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Features.Workbench.Editor;
using LeadScoringStudio.Tests.TestSupport;

namespace LeadScoringStudio.Tests.Web.Workbench;

public sealed class CriterionRowTests : MudBlazorContext
{
    private readonly ScoringModel _model = StarterModel.Create();

    [Fact]
    public void Shows_the_label_what_it_matches_and_the_points()
    {
        var row = RenderRow("pricing-page");

        Assert.Contains("Pricing page visit", row.Markup);
        Assert.Contains("Page visit where url contains /pricing · up to 3× · cap 30 · last 90 days · half-life 30 days", row.Markup);
        Assert.Equal("10", row.Find("input[data-testid=points]").GetAttribute("value"));
    }

    [Fact]
    public void Typing_points_sends_the_criterion_with_the_new_points()
    {
        Criterion? changed = null;
        var row = RenderRow("persona-buyer", c => changed = c);

        row.Find("input[data-testid=points]").Change("27");

        Assert.Equal(_model.FindCriterion("persona-buyer")!.WithBasePoints(27), changed);
    }

    [Fact]
    public void Opening_the_details_lets_you_change_the_condition_values()
    {
        Criterion? changed = null;
        var row = RenderRow("industry-target", c => changed = c);
        Assert.DoesNotContain("Values (comma between)", row.Markup);

        row.Find("button[aria-label='Edit details']").Click();
        var values = row.FindAll("input").Single(i => i.GetAttribute("value") == "Software, Financial services, E-commerce");
        values.Change("Software, Healthcare");

        var criterion = Assert.IsType<AttributeCriterion>(changed);
        Assert.Equal(["Software", "Healthcare"], criterion.When.Values);
    }

    [Fact]
    public void Activity_details_show_how_points_fade()
    {
        var row = RenderRow("pricing-page");

        row.Find("button[aria-label='Edit details']").Click();

        Assert.Contains("One occurrence: 10 pts today, 5 after 30 days, 0 after 90", row.Find("[data-testid=decay-chart]").TextContent);
    }

    [Fact]
    public void Problems_appear_under_the_criterion_in_words()
    {
        var row = Render<CriterionRow>(p => p
            .Add(r => r.Model, _model)
            .Add(r => r.Criterion, _model.FindCriterion("webinar")!)
            .Add(r => r.Problems, ["look back at least one day, or leave the window out"]));

        Assert.Equal("look back at least one day, or leave the window out", row.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void The_order_copy_and_remove_buttons_raise_their_events()
    {
        var events = new List<string>();
        var row = Render<CriterionRow>(p => p
            .Add(r => r.Model, _model)
            .Add(r => r.Criterion, _model.FindCriterion("webinar")!)
            .Add(r => r.Moved, offset => events.Add($"move {offset}"))
            .Add(r => r.Duplicated, () => events.Add("duplicate"))
            .Add(r => r.Removed, () => events.Add("remove")));

        foreach (var label in new[] { "Move up", "Move down", "Duplicate", "Remove" })
        {
            row.Find($"button[aria-label='{label}']").Click();
        }

        Assert.Equal(["move -1", "move 1", "duplicate"], events);
        Assert.Contains("Remove “Webinar attended” for everyone?",
            row.Find("[data-testid=confirm-remove]").TextContent);
        row.Find("[data-testid=confirm-no]").Click();
        Assert.Equal(["move -1", "move 1", "duplicate"], events);

        row.Find("button[aria-label='Remove']").Click();
        row.Find("[data-testid=confirm-yes]").Click();
        Assert.Equal(["move -1", "move 1", "duplicate", "remove"], events);
    }

    private IRenderedComponent<CriterionRow> RenderRow(string id, Action<Criterion>? changed = null) =>
        Render<CriterionRow>(p => p
            .Add(r => r.Model, _model)
            .Add(r => r.Criterion, _model.FindCriterion(id)!)
            .Add(r => r.CriterionChanged, c => changed?.Invoke(c)));
}
