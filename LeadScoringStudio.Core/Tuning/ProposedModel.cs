using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>A model built from the data, and the suggestion it was built from (its fields, candidates and
/// backtests).</summary>
public sealed record ProposedModel(Suggestion Suggestion, ScoringModel Model);
