using System.ComponentModel.DataAnnotations;
using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Data;

/// <summary>
/// A stored lead. Attributes and activities are JSON documents (see <see cref="LeadJson"/>); name,
/// e-mail and company are copied into columns so leads can be searched.
/// </summary>
public sealed class LeadRecord
{
    public int Id { get; set; }

    /// <summary>The lead's id in the source system (CRM, marketing automation, or the demo generator).</summary>
    [MaxLength(200)]
    public required string ExternalId { get; set; }

    [MaxLength(300)]
    public string Name { get; set; } = "";

    [MaxLength(300)]
    public string Email { get; set; } = "";

    [MaxLength(300)]
    public string Company { get; set; } = "";

    public required string AttributesJson { get; set; }

    public required string ActivitiesJson { get; set; }

    /// <summary>The outcome an import or the API gave.</summary>
    public LeadOutcome Outcome { get; set; }

    /// <summary>The outcome sales gave (won or lost), kept by the feedback service; null when sales said
    /// none.</summary>
    public LeadOutcome? SalesOutcome { get; set; }

    /// <summary>Set for the hand-written workshop examples: the story the example tells.</summary>
    [MaxLength(1000)]
    public string? ExampleStory { get; set; }
}
