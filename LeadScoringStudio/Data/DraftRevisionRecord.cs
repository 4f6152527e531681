using System.ComponentModel.DataAnnotations;

namespace LeadScoringStudio.Data;

/// <summary>
/// One commit to a model's draft as a whole: the draft before and after it, so its author can undo it later even
/// after others changed other things.
/// </summary>
public sealed class DraftRevisionRecord
{
    public int Id { get; set; }

    public int ModelId { get; set; }

    /// <summary>The draft version this commit produced.</summary>
    public long Version { get; set; }

    [MaxLength(256)]
    public required string By { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Before { get; set; }

    public required string After { get; set; }

    /// <summary>When this commit is an undo: the version whose commit it undid.</summary>
    public long? UndoOf { get; set; }

    /// <summary>The version whose commit undid this one; null while it stands.</summary>
    public long? UndoneIn { get; set; }
}
