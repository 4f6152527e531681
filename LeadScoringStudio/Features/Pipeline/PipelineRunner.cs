using System.Threading.Channels;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Features.Segments;
using LeadScoringStudio.Hosting;
using Microsoft.Extensions.Options;

namespace LeadScoringStudio.Features.Pipeline;

/// <summary>The queue and the lifecycle moved because leads were rescored; queues reload.</summary>
public sealed record QueueChanged() : StudioEvent(LeadsChanged.AnyModel, null);

/// <summary>
/// Rescores every lead with its segment's published model whenever a model or the routing is published or leads
/// change (import, API), and once at start: one run at a time, requests arriving meanwhile folded into the next run.
/// Among several servers on one database only the holder of the rescore lease runs; it renews the lease while it
/// lives, and when it dies another takes the lease over and rescores at once.
/// </summary>
public sealed class PipelineRunner(LeadPipeline pipeline, SegmentRoutes routes, LeadLibrary library,
    IStudioEvents events, Leases leases, ServerIdentity server, IOptions<PipelineOptions> options, TimeProvider time,
    ILogger<PipelineRunner> logger)
    : BackgroundService
{
    private readonly TimeSpan _leaseLength = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
    private volatile bool _holding;

    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Rescores now, after any run already going (two runs at once would both record the same new
    /// lead).</summary>
    public async Task<PipelineRun?> RunNowAsync(CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await RunAsync(cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<PipelineRun?> RunAsync(CancellationToken cancellationToken)
    {
        if (!await HoldAsync(cancellationToken))
        {
            logger.LogDebug("Another server holds the rescore lease and rescores");
            return null;
        }

        if (await routes.GetAsync() is not { } live)
        {
            return null;
        }

        var leads = await library.GetAsync();
        var run = await pipeline.RunAsync(live.Routed, [.. live.Segments.Select(s => s.Published.Number)], leads.Leads,
            leads.Batch, time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Rescored {Leads} leads with {Models} in {Milliseconds} ms: {Changes} stage changes, " +
            "{Entered} new MQLs", run.Leads, string.Join(", ", live.Segments.Select(s => s.Version)),
            (int)run.Took.TotalMilliseconds, run.StageChanges, run.EnteredMql);
        events.Publish(new QueueChanged());
        return run;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.Subscribe(e =>
        {
            if (e is ModelPublished or RoutingPublished or LeadsChanged)
            {
                _requests.Writer.TryWrite(true);
            }
        });
        _requests.Writer.TryWrite(true);
        RenewAsync(stoppingToken).Observe(logger, "renewing the rescore lease");
        await foreach (var _ in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunNowAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Rescoring failed; it runs again on the next change.");
            }
        }
    }

    /// <summary>Renews the lease a third of its length before it runs out; a server that takes it over (its holder
    /// died) rescores at once, in case a request went to the dead one.</summary>
    private async Task RenewAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_leaseLength / 3, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var held = _holding;
                if (await HoldAsync(stoppingToken) && !held)
                {
                    logger.LogInformation("This server took over the rescore lease");
                    _requests.Writer.TryWrite(true);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not renew the rescore lease");
            }
        }
    }

    /// <summary>Stopping in good order lets go of the lease, so another server takes over at once.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await leases.ReleaseAsync(Leases.Rescore, server.Name, cancellationToken);
    }

    private async Task<bool> HoldAsync(CancellationToken cancellationToken) =>
        _holding = await leases.HoldAsync(Leases.Rescore, server.Name, _leaseLength, cancellationToken);
}
