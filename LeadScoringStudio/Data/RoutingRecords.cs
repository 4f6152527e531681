using System.ComponentModel.DataAnnotations;

namespace LeadScoringStudio.Data;

/// <summary>A published version of the segment routing: its rules as JSON (<see cref="RoutingDocument"/>), who
/// published it, when and why. The numbers are unique, so two people publishing at once cannot both win.</summary>
public sealed class RoutingVersionRecord
{
    public int Id { get; set; }

    public int Number { get; set; }

    public required string Document { get; set; }

    [MaxLength(256)]
    public required string PublishedBy { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    [MaxLength(1000)]
    public required string Note { get; set; }
}
