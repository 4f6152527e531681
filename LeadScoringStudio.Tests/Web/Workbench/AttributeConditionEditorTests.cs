using Bunit;
using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Features.Workbench.Editor;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using FieldType = LeadScoringStudio.Core.Leads.FieldType;

namespace LeadScoringStudio.Tests.Web.Workbench;

public sealed class AttributeConditionEditorTests : MudBlazorContext
{
    private static readonly ScoringModel Model = StarterModel.Create();

    private static readonly IReadOnlyList<CatalogEntry> Catalog =
    [
        new(CatalogField.Guess("seniority", FieldType.Text, "Seniority"),
            new FieldProfile("seniority", 100, 90, 3, [new("Manager", 50), new("VP", 30), new("Student", 10)], [],
            FieldType.Text)),
        new(CatalogField.Guess("lead_source", FieldType.Text, "Lead Source"),
            new FieldProfile("lead_source", 100, 100, 2, [new("Google", 70), new("Direct", 30)], [], FieldType.Text)),
    ];

    [Fact]
    public void Every_field_of_the_workspace_is_offered_not_only_the_models()
    {
        Render<MudPopoverProvider>();
        var editor = RenderEditor(new AttributeCondition("seniority", Operator.Equals, ["VP"]), _ => { });

        editor.Find("[data-testid=condition-field]").MouseDown();

        var offered = editor.FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value).ToList();
        Assert.Contains("lead_source", offered);
        Assert.Equal(Model.Fields.Count + 1, offered.Count);
    }

    [Fact]
    public void A_text_fields_values_seen_are_offered_with_counts_and_a_click_adds_one()
    {
        AttributeCondition? changed = null;
        var editor = RenderEditor(new AttributeCondition("seniority", Operator.Equals, ["VP"]), c => changed = c);

        var chips = editor.FindAll("[data-testid=values-seen] .mud-chip");
        Assert.Equal(["Manager (50)", "VP (30)", "Student (10)"], chips.Select(c => c.TextContent.Trim()));

        chips[0].Click();

        Assert.Equal(new AttributeCondition("seniority", Operator.OneOf, ["VP", "Manager"]), changed);
    }

    private IRenderedComponent<AttributeConditionEditor> RenderEditor(AttributeCondition condition,
        Action<AttributeCondition> changed) =>
        Render<CascadingValue<IReadOnlyList<CatalogEntry>>>(p => p
            .Add(c => c.Value, Catalog)
            .AddChildContent<AttributeConditionEditor>(e => e
                .Add(c => c.Model, Model)
                .Add(c => c.Condition, condition)
                .Add(c => c.ConditionChanged, changed)))
            .FindComponent<AttributeConditionEditor>();
}
