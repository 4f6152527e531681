namespace LeadScoringStudio.Core.Leads;

/// <summary>How a lead turned out, when sales knows.</summary>
public enum LeadOutcome
{
    Unknown,
    Converted,
    NotConverted,
}
