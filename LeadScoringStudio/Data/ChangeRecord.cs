using System.ComponentModel.DataAnnotations;

namespace LeadScoringStudio.Data;

/// <summary>One change to a model's draft: who, when, what in words (old → new), and why if they said.</summary>
public sealed class ChangeRecord
{
    public int Id { get; set; }

    public int ModelId { get; set; }

    /// <summary>The draft version this change produced.</summary>
    public long DraftVersion { get; set; }

    public DateTimeOffset At { get; set; }

    [MaxLength(256)]
    public required string By { get; set; }

    /// <summary>Where in the model, e.g. <c>criteria[pricing-page].maxPoints</c>.</summary>
    [MaxLength(300)]
    public required string Path { get; set; }

    [MaxLength(200)]
    public string? CriterionId { get; set; }

    [MaxLength(1000)]
    public required string Text { get; set; }

    [MaxLength(1000)]
    public string? Why { get; set; }
}

/// <summary>A Marketing or Sales member's sign-off on one draft version; any later change voids it.</summary>
public sealed class ApprovalRecord
{
    public int Id { get; set; }

    public int ModelId { get; set; }

    public long DraftVersion { get; set; }

    [MaxLength(256)]
    public required string By { get; set; }

    [MaxLength(50)]
    public required string Role { get; set; }

    public DateTimeOffset At { get; set; }
}
