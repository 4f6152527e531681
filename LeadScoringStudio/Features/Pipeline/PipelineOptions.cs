using System.ComponentModel.DataAnnotations;

namespace LeadScoringStudio.Features.Pipeline;

/// <summary>How the background rescore shares itself among servers ("Pipeline" in the configuration).</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>How long the rescore lease lasts unrenewed: how long the other servers wait for a holder that died
    /// before one of them takes over. It is renewed every third of this.</summary>
    [Range(3, 600)]
    public int LeaseSeconds { get; set; } = 30;
}
