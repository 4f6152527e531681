using System.Threading.Channels;
using LeadScoringStudio.Core.Listing;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Pipeline;

namespace LeadScoringStudio.Features.Leads;

/// <summary>
/// After each rescore (the first one runs at start) builds what a lead list needs, the routed scores and the funnel,
/// by asking for the first page nobody asked for yet: at a million leads that is seconds the first visitor of the
/// leads page or the queue would otherwise wait.
/// </summary>
public sealed class LeadListWarmUp(LeadLists lists, IStudioEvents events, ILogger<LeadListWarmUp> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var rescored = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
        });
        using var subscription = events.Subscribe(e =>
        {
            if (e is QueueChanged)
            {
                rescored.Writer.TryWrite(true);
            }
        });
        await foreach (var _ in rescored.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await lists.PageAsync(new LeadQuery());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not prepare the lead lists; the first visitor builds them");
            }
        }
    }
}
