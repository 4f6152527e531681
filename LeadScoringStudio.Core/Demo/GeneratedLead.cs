using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Demo;

/// <summary>A generated lead with its hidden propensity to convert and the outcome drawn from it.</summary>
public sealed record GeneratedLead(Lead Lead, double Propensity, bool Converted);
