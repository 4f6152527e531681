using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Demo;

/// <summary>A hand-written lead for workshops: the lead itself and the story it tells in one sentence.</summary>
public sealed record ExampleLead(Lead Lead, string Story);
