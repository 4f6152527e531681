namespace LeadScoringStudio.Core.Models;

/// <summary>
/// A lead-scoring model: what it knows about leads, the criteria that give points, the gates that
/// disqualify, the limits, the grades, the action for each of the 16 cells and the MQL rule.
/// </summary>
public sealed record ScoringModel
{
    public const int CurrentSchemaVersion = 1;

    public required string Name { get; init; }

    public required ValueList<FieldDefinition> Fields { get; init; }

    public required ValueList<ActivityTypeDefinition> ActivityTypes { get; init; }

    public ValueList<Category> Categories { get; init; } = [];

    public required ValueList<Criterion> Criteria { get; init; }

    public ValueList<Disqualifier> Disqualifiers { get; init; } = [];

    public InactivityRule? Inactivity { get; init; }

    public CompletenessRule? Completeness { get; init; }

    public ScoreLimits Limits { get; init; } = ScoreLimits.None;

    public required GradeBands FitBands { get; init; }

    public required GradeBands EngagementBands { get; init; }

    /// <summary>One action per cell, in <see cref="Cell.Index"/> order (A1, A2, …, D4).</summary>
    public required ValueList<CellAction> Actions { get; init; }

    public required ValueList<Cell> MqlCells { get; init; }

    public RecyclingRule Recycling { get; init; } = new(30);

    public CellAction ActionFor(Cell cell) => Actions[cell.Index];

    public Criterion? FindCriterion(string id) => Criteria.FirstOrDefault(c => c.Id == id);

    public FieldDefinition? FindField(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public ActivityTypeDefinition? FindActivityType(string name) =>
        ActivityTypes.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A copy with one criterion's points (per match or per occurrence) changed.</summary>
    public ScoringModel WithCriterionPoints(string criterionId, int points)
    {
        var index = Criteria.ToList().FindIndex(c => c.Id == criterionId);
        if (index < 0)
        {
            throw new ArgumentException($"The model has no criterion '{criterionId}'.", nameof(criterionId));
        }

        return this with { Criteria = Criteria.SetItem(index, Criteria[index].WithBasePoints(points)) };
    }
}
