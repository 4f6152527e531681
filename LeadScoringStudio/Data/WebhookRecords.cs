using System.ComponentModel.DataAnnotations;

namespace LeadScoringStudio.Data;

/// <summary>A place to tell about leads: a URL, the events it wants (wire names, "|" between) and the secret its
/// deliveries are signed with.</summary>
public sealed class WebhookRecord
{
    public int Id { get; set; }

    [MaxLength(2000)]
    public required string Url { get; set; }

    [MaxLength(500)]
    public required string Events { get; set; }

    [MaxLength(100)]
    public required string Secret { get; set; }

    [MaxLength(256)]
    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }
}

/// <summary>Where a delivery stands.</summary>
public enum DeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>
/// One event for one webhook: the outbox row, written in the same transaction as what it tells, then sent (and
/// retried) by the sender. <see cref="EventId"/> is the same for every webhook told about one event, so a receiver
/// can drop a repeat.
/// </summary>
public sealed class WebhookDeliveryRecord
{
    public long Id { get; set; }

    public int WebhookId { get; set; }

    public Guid EventId { get; set; }

    [MaxLength(50)]
    public required string Event { get; set; }

    [MaxLength(200)]
    public required string LeadId { get; set; }

    /// <summary>The JSON body sent.</summary>
    public required string Body { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When to try next, in Unix milliseconds (a number, so SQLite can compare and order it).</summary>
    public long DueAtUnixMs { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public int? LastStatusCode { get; set; }

    [MaxLength(1000)]
    public string? LastError { get; set; }
}
