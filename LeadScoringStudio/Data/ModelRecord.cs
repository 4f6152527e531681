using System.ComponentModel.DataAnnotations;

namespace LeadScoringStudio.Data;

/// <summary>A scoring model: its working draft (a model document) and, through <see cref="Published"/>, every published version.</summary>
public sealed class ModelRecord : IVersioned
{
    public int Id { get; set; }

    [MaxLength(200)]
    public required string Name { get; set; }

    /// <summary>The model in addresses; unique (see <c>Core/Models/ModelKeys</c>).</summary>
    [MaxLength(60)]
    public string Key { get; set; } = "";

    /// <summary>When Ops archived it: it leaves the picker and the API, and keeps its history.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    public required string DraftDocument { get; set; }

    [MaxLength(256)]
    public required string DraftSavedBy { get; set; }

    public DateTimeOffset DraftSavedAt { get; set; }

    [MaxLength(1000)]
    public string? DraftNote { get; set; }

    [ConcurrencyCheck]
    public long Version { get; set; }

    public List<PublishedModelRecord> Published { get; set; } = [];
}

/// <summary>One published version of a model: an immutable model document with who published it, when and why.</summary>
public sealed class PublishedModelRecord
{
    public int Id { get; set; }

    public int ModelId { get; set; }

    /// <summary>1 for the first published version of the model, then 2, 3, ….</summary>
    public int Number { get; set; }

    public required string Document { get; set; }

    [MaxLength(256)]
    public required string PublishedBy { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    [MaxLength(1000)]
    public required string Note { get; set; }
}
