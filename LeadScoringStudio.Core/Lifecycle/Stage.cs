namespace LeadScoringStudio.Core.Lifecycle;

/// <summary>Where a lead stands: Lead → MQL → SAL (accepted) → SQL → Opportunity → Customer, or Recycled, or Disqualified.</summary>
public enum Stage
{
    Lead,
    Mql,
    Sal,
    Sql,
    Opportunity,
    Customer,
    Recycled,
    Disqualified,
}

public static class Stages
{
    /// <summary>A stage as people write it: MQL, SAL and SQL in capitals, the others as words.</summary>
    public static string Name(this Stage stage) =>
        stage is Stage.Mql or Stage.Sal or Stage.Sql ? stage.ToString().ToUpperInvariant() : stage.ToString();
}
