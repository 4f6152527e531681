using System.ComponentModel.DataAnnotations;

namespace LeadScoringStudio.Data;

/// <summary>Someone with a model open on one of the servers, as that server last said (its beat): servers that stop
/// beating lose their people after a while.</summary>
public sealed class PresenceRecord
{
    [Key]
    [MaxLength(100)]
    public required string SessionId { get; set; }

    [MaxLength(200)]
    public required string Server { get; set; }

    public int ModelId { get; set; }

    [MaxLength(256)]
    public required string Name { get; set; }

    [MaxLength(100)]
    public required string Role { get; set; }

    [MaxLength(100)]
    public required string Editing { get; set; }

    public DateTimeOffset Since { get; set; }

    public long BeatAtUnixMs { get; set; }
}
