using System.ComponentModel.DataAnnotations;

namespace LeadScoringStudio.Data;

/// <summary>Which server does a job only one may do at a time (the rescore, sending webhooks), until when.</summary>
public sealed class LeaseRecord
{
    [Key]
    [MaxLength(50)]
    public required string Name { get; set; }

    [MaxLength(200)]
    public required string Holder { get; set; }

    public long ExpiresAtUnixMs { get; set; }
}
