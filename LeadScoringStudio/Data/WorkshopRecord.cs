using System.ComponentModel.DataAnnotations;
using LeadScoringStudio.Core.Workshops;

namespace LeadScoringStudio.Data;

/// <summary>A workshop on a set of example leads, and the model it was taken on once closed.</summary>
public sealed class WorkshopRecord
{
    public int Id { get; set; }

    public int ModelId { get; set; }

    [MaxLength(256)]
    public required string StartedBy { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The leads voted on, by their ids, as a JSON list.</summary>
    public required string LeadIdsJson { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The draft version the results were taken on, and that model as a document (set on closing).</summary>
    public long? TakenOnDraftVersion { get; set; }

    public string? TakenOnModel { get; set; }

    public List<WorkshopVoteRecord> Votes { get; set; } = [];
}

/// <summary>One participant's verdict on one lead; voting again replaces it.</summary>
public sealed class WorkshopVoteRecord
{
    public int Id { get; set; }

    public int WorkshopId { get; set; }

    [MaxLength(200)]
    public required string LeadId { get; set; }

    [MaxLength(256)]
    public required string Voter { get; set; }

    public Verdict Verdict { get; set; }

    public DateTimeOffset At { get; set; }
}
