using System.ComponentModel.DataAnnotations;
using LeadScoringStudio.Core.Lifecycle;

namespace LeadScoringStudio.Data;

/// <summary>Where a lead stands in the funnel now, who works it, and its last score (to record changes once).</summary>
public sealed class LeadStateRecord
{
    public int Id { get; set; }

    [MaxLength(200)]
    public required string LeadId { get; set; }

    public Stage Stage { get; set; }

    public DateTimeOffset? StageSince { get; set; }

    public DateTimeOffset? RecycledAt { get; set; }

    [MaxLength(500)]
    public string HotCategories { get; set; } = "";

    public DateTimeOffset? MqlSince { get; set; }

    [MaxLength(256)]
    public string? AssignedTo { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    public int Fit { get; set; }

    public int Engagement { get; set; }

    public int Total { get; set; }

    public bool IsMql { get; set; }
}

/// <summary>A lead's stage changed, or it became hot for a product: when, from what to what, and why (score crossing,
/// sales feedback, recycling, disqualification, a product watermark).</summary>
public sealed class StageChangeRecord
{
    public int Id { get; set; }

    [MaxLength(200)]
    public required string LeadId { get; set; }

    public DateTimeOffset At { get; set; }

    public Stage From { get; set; }

    public Stage To { get; set; }

    public LifecycleEventKind Kind { get; set; }

    [MaxLength(500)]
    public required string Cause { get; set; }

    /// <summary>The feedback that caused it, when sales did.</summary>
    public int? FeedbackId { get; set; }

    /// <summary>The product (category) id of a watermark crossing.</summary>
    [MaxLength(100)]
    public string? Category { get; set; }
}

/// <summary>A lead's score at a moment it changed: the points of the score-history chart.</summary>
public sealed class ScorePointRecord
{
    public int Id { get; set; }

    [MaxLength(200)]
    public required string LeadId { get; set; }

    public DateTimeOffset At { get; set; }

    public int Fit { get; set; }

    public int Engagement { get; set; }

    public int Total { get; set; }

    public bool IsMql { get; set; }

    public int ModelVersion { get; set; }
}

/// <summary>What sales said about a lead. A correction is a new record; the one it replaces keeps <see cref="ReplacedById"/>.</summary>
public sealed class FeedbackRecord
{
    public int Id { get; set; }

    [MaxLength(200)]
    public required string LeadId { get; set; }

    public DateTimeOffset At { get; set; }

    [MaxLength(256)]
    public required string By { get; set; }

    public SalesEventKind Kind { get; set; }

    [MaxLength(50)]
    public string? Reason { get; set; }

    [MaxLength(1000)]
    public string? Comment { get; set; }

    public decimal? Amount { get; set; }

    /// <summary>The lead's cell and first-touch source when the feedback was given, for the feedback summary.</summary>
    [MaxLength(10)]
    public string? Cell { get; set; }

    [MaxLength(50)]
    public string? Source { get; set; }

    public int? ReplacedById { get; set; }
}

/// <summary>The SDR team: who works the queue and how many new leads each takes per month.</summary>
public sealed class TeamSettingsRecord
{
    public int Id { get; set; }

    /// <summary>SDR e-mails, "|" between.</summary>
    [MaxLength(4000)]
    public string Members { get; set; } = "";

    public int LeadsPerSdrPerMonth { get; set; } = 150;
}
