using Bunit;
using LeadScoringStudio.Core.Editing;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Features.Workbench.Editor;
using LeadScoringStudio.Tests.TestSupport;
using MudBlazor;

namespace LeadScoringStudio.Tests.Web.Workbench;

public sealed class ModelEditorTests : MudBlazorContext
{
    private ScoringModel _model = StarterModel.Create();

    public ModelEditorTests() => Render<MudPopoverProvider>();

    [Fact]
    public void Groups_criteria_into_fit_engagement_and_negative_tabs()
    {
        var editor = RenderEditor();

        var fit = _model.Criteria.Count(c => CriterionGroups.Of(c) == CriterionGroup.Fit);
        var engagement = _model.Criteria.Count(c => CriterionGroups.Of(c) == CriterionGroup.Engagement);
        var negative = _model.Criteria.Count(c => c.IsNegative) + _model.Disqualifiers.Count;
        Assert.Contains($"Fit ({fit})", editor.Markup);
        Assert.Contains($"Engagement ({engagement})", editor.Markup);
        Assert.Contains($"Negative ({negative})", editor.Markup);
        Assert.Equal(fit, editor.FindAll("[data-testid=group-fit] .criterion-row").Count);
    }

    [Fact]
    public void Adding_duplicating_and_removing_in_a_group_edits_the_model()
    {
        var editor = RenderEditor();
        var count = _model.Criteria.Count;

        editor.FindAll("button").First(b => b.TextContent.Contains("Add attribute criterion")).Click();
        Assert.Equal(count + 1, _model.Criteria.Count);
        Assert.Equal("New criterion", _model.Criteria[^1].Label);

        editor.Render(p => p.Add(e => e.Model, _model));
        editor.Find("[data-testid=criterion-seniority-director] button[aria-label=Duplicate]").Click();
        var copy = _model.Criteria[_model.Criteria.ToList().FindIndex(c => c.Id == "seniority-director") + 1];
        Assert.Equal(("seniority-director-2", "Director (copy)"), (copy.Id, copy.Label));

        editor.Render(p => p.Add(e => e.Model, _model));
        editor.Find("[data-testid=criterion-seniority-director] button[aria-label=Remove]").Click();
        Assert.NotNull(_model.FindCriterion("seniority-director"));
        editor.Find("[data-testid=criterion-seniority-director] [data-testid=confirm-yes]").Click();
        Assert.Null(_model.FindCriterion("seniority-director"));
    }

    [Fact]
    public void Moving_up_skips_criteria_of_other_groups()
    {
        var editor = RenderEditor();
        var before = _model.Criteria.Where(c => CriterionGroups.Of(c) == CriterionGroup.Fit).Select(c => c.Id).ToList();

        editor.Find("[data-testid=criterion-seniority-director] button[aria-label='Move up']").Click();

        var after = _model.Criteria.Where(c => CriterionGroups.Of(c) == CriterionGroup.Fit).Select(c => c.Id).ToList();
        Assert.Equal(["seniority-director", "seniority-exec"], after.Take(2));
        Assert.Equal(before.Skip(2), after.Skip(2));
    }

    [Fact]
    public void A_tab_shows_how_many_problems_it_holds()
    {
        var broken = _model.ReplaceCriterion(0, ((AttributeCriterion)_model.Criteria[0]) with { Label = "" });

        var editor = Render<ModelEditor>(p => p.Add(e => e.Model, broken).Add(e => e.Problems, ModelValidator.Validate(broken)));

        Assert.Contains("give the criterion a label people will recognise", editor.Find("[data-testid=group-fit] [role=alert]").TextContent);
        Assert.Contains("mud-badge", editor.Find(".mud-tab").InnerHtml);
    }

    private IRenderedComponent<ModelEditor> RenderEditor() =>
        Render<ModelEditor>(p => p
            .Add(e => e.Model, _model)
            .Add(e => e.ModelChanged, m => _model = m));
}
