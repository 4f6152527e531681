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
