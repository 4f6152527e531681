using System.ComponentModel.DataAnnotations;

namespace LeadScoringStudio.Data;

/// <summary>The workspace's warehouse table mapping (one row), as JSON, with who changed it last.</summary>
public sealed class WarehouseMappingRecord : IVersioned
{
    public int Id { get; set; }

    [MaxLength(64_000)]
    public required string Json { get; set; }

    [MaxLength(256)]
    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    [ConcurrencyCheck]
    public long Version { get; set; }
}
