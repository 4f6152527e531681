using Bunit;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Features.Workbench.Editor;
using LeadScoringStudio.Tests.TestSupport;
using MudBlazor;

namespace LeadScoringStudio.Tests.Web.Workbench;

public sealed class ActionMatrixTests : MudBlazorContext
{
    private ScoringModel _model = StarterModel.Create();

    public ActionMatrixTests() => Render<MudPopoverProvider>();

    [Fact]
    public void Shows_every_cell_with_its_action_and_marks_the_mql_cells()
    {
        var matrix = RenderMatrix();

        var cells = matrix.FindAll("td.action-cell");
        Assert.Equal(16, cells.Count);
        Assert.Equal(_model.MqlCells.Count, matrix.FindAll("td.action-cell.mql").Count);
        Assert.Contains("A1 · MQL", cells[0].TextContent);
        Assert.Contains("Call within the hour", cells[0].TextContent);
        Assert.Contains("Sales, now · P1 · 1 h", cells[0].TextContent);
    }

    [Fact]
    public void Clicking_a_cell_edits_its_action_and_whether_it_is_mql()
    {
        var matrix = RenderMatrix();
        var c1 = Cell.Parse("C1");

        matrix.FindAll("td.action-cell")[c1.Index].Click();
        matrix.Find("[data-testid=action-editor] input").Change("Call the account owner");
        Assert.Equal("Call the account owner", _model.ActionFor(c1).Label);

        matrix.Render(p => p.Add(m => m.Model, _model));
        matrix.Find("[data-testid=action-editor] input[type=checkbox]").Change(true);
        Assert.Contains(c1, _model.MqlCells);
    }

    private IRenderedComponent<ActionMatrix> RenderMatrix() =>
        Render<ActionMatrix>(p => p.Add(m => m.Model, _model).Add(m => m.ModelChanged, m => _model = m));
}
