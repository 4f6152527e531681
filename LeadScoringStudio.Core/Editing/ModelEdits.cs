using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Editing;

/// <summary>
/// Edits to a model's criteria and disqualifiers as the editor makes them. Each returns a new model;
/// new and duplicated entries get ids no other entry uses.
/// </summary>
public static class ModelEdits
{
    public static ScoringModel ReplaceCriterion(this ScoringModel model, int index, Criterion criterion) =>
        model with { Criteria = model.Criteria.SetItem(index, criterion) };

    public static ScoringModel AddCriterion(this ScoringModel model, Criterion criterion) =>
        model with { Criteria = model.Criteria.Add(criterion with { Id = ListEdits.UniqueId(criterion.Id,
            CriterionIds(model)) }) };

    /// <summary>A copy placed right after the original, labelled "(copy)".</summary>
    public static ScoringModel DuplicateCriterion(this ScoringModel model, int index)
    {
        var original = model.Criteria[index];
        var copy = original with { Id = ListEdits.UniqueId(original.Id, CriterionIds(model)),
            Label = $"{original.Label} (copy)" };
        return model with { Criteria = model.Criteria.InsertAt(index + 1, copy) };
    }

    public static ScoringModel RemoveCriterion(this ScoringModel model, int index) =>
        model with { Criteria = model.Criteria.RemoveAt(index) };

    /// <summary>
    /// Moves a criterion up or down among the criteria shown in the same group (<paramref name="sameGroup"/>),
    /// so "up" never jumps over criteria of another group that sit between them in the file.
    /// </summary>
    public static ScoringModel MoveCriterion(this ScoringModel model, int index, int offset,
        Func<Criterion, bool> sameGroup)
    {
        var peers = Enumerable.Range(0, model.Criteria.Count).Where(i => sameGroup(model.Criteria[i])).ToList();
        var position = peers.IndexOf(index);
        var target = position + offset;
        if (position < 0 || target < 0 || target >= peers.Count)
        {
            return model;
        }

        return model with { Criteria = model.Criteria.Move(index, peers[target] - index) };
    }

    public static ScoringModel ReplaceDisqualifier(this ScoringModel model, int index, Disqualifier disqualifier) =>
        model with { Disqualifiers = model.Disqualifiers.SetItem(index, disqualifier) };

    public static ScoringModel AddDisqualifier(this ScoringModel model, Disqualifier disqualifier) =>
        model with { Disqualifiers = model.Disqualifiers.Add(disqualifier with { Id = ListEdits.UniqueId(disqualifier.Id, model.Disqualifiers.Select(d => d.Id)) }) };

    public static ScoringModel RemoveDisqualifier(this ScoringModel model, int index) =>
        model with { Disqualifiers = model.Disqualifiers.RemoveAt(index) };

    public static ScoringModel ReplaceAction(this ScoringModel model, Cell cell, CellAction action) =>
        model with { Actions = model.Actions.SetItem(cell.Index, action) };

    /// <summary>
    /// Makes exactly <paramref name="cells"/> the MQL cells. A cell that becomes MQL while its action does not send
    /// the lead to sales with a response time gets a sales action ("Sales follow-up within 24 h": the slowest
    /// response time the model already gives sales, 24 h when it gives none), so no MQL waits without an SLA.
    /// </summary>
    public static ScoringModel WithMqlCells(this ScoringModel model, IEnumerable<Cell> cells)
    {
        var mql = cells.Distinct().OrderBy(c => c.Index).ToValueList();
        var toSales = model.Actions.Where(a => a.Route is Route.Sales or Route.SalesNow).ToList();
        var sla = toSales.Select(a => a.SlaHours).OfType<int>().DefaultIfEmpty(24).Max();
        var priority = toSales.Select(a => a.Priority).DefaultIfEmpty(0).Max() + 1;
        var actions = model.Actions;
        var waiting = mql
            .Where(c => actions[c.Index] is not { Route: Route.Sales or Route.SalesNow, SlaHours: not null })
            .ToList();
        foreach (var cell in waiting)
        {
            actions = actions.SetItem(cell.Index, new CellAction($"Sales follow-up within {sla} h", Route.Sales,
                priority, sla));
        }

        return model with { MqlCells = mql, Actions = actions };
    }

    public static ScoringModel ToggleMqlCell(this ScoringModel model, Cell cell) => model with
    {
        MqlCells = model.MqlCells.Contains(cell)
            ? model.MqlCells.Where(c => c != cell).ToValueList()
            : model.MqlCells.Append(cell).OrderBy(c => c.Index).ToValueList(),
    };

    public static ScoringModel ReplaceCategory(this ScoringModel model, int index, Category category) =>
        model with { Categories = model.Categories.SetItem(index, category) };

    /// <summary>
    /// Adds to the model's fields every field its criteria and disqualifiers look at that the model does not know yet,
    /// as the workspace knows it (<paramref name="known"/>), so a criterion on any field of the catalog is complete.
    /// </summary>
    public static ScoringModel WithFieldsItUses(this ScoringModel model, IReadOnlyList<FieldDefinition> known)
    {
        var used = model.Criteria.OfType<AttributeCriterion>().SelectMany(c => c.Conditions)
            .Concat(model.Disqualifiers.Select(d => d.When).OfType<AttributeCondition>())
            .Select(c => c.Field)
            .Where(field => model.FindField(field) is null)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(field => known.FirstOrDefault(k => string.Equals(k.Name, field,
                StringComparison.OrdinalIgnoreCase)))
            .OfType<FieldDefinition>()
            .ToList();
        return used.Count == 0 ? model : model with { Fields = model.Fields.Concat(used).ToValueList() };
    }

    private static IEnumerable<string> CriterionIds(ScoringModel model) => model.Criteria.Select(c => c.Id);
}
