using System.ComponentModel.DataAnnotations;

namespace LeadScoringStudio.Features.Handoff;

/// <summary>How the webhook sender works ("Webhooks" in the configuration).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>How often the outbox is looked at for deliveries that are due.</summary>
    [Range(10, 60_000)]
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>The wait after the first failed attempt; it doubles after each further failure (at most an
    /// hour).</summary>
    [Range(1, 3_600_000)]
    public int FirstRetryMilliseconds { get; set; } = 30_000;

    /// <summary>How long a receiver may take to answer.</summary>
    [Range(1, 60)]
    public int TimeoutSeconds { get; set; } = 10;
}
