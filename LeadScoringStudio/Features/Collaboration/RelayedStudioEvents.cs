using System.Threading.Channels;
using LeadScoringStudio.Data;
using LeadScoringStudio.Hosting;

namespace LeadScoringStudio.Features.Collaboration;

/// <summary>
/// Studio events for several servers: each event is delivered in this process at once (as
/// <see cref="InProcessStudioEvents"/> does) and sent to the other servers through a transport (PostgreSQL
/// LISTEN/NOTIFY, Redis pub/sub); what the others send is read back (<see cref="EventWire"/>) and delivered here in
/// the order it came. Events sent while a transport's connection is down are missed, so receivers reload what they
/// show on the next event.
/// </summary>
public abstract class RelayedStudioEvents(ModelRepository models, ServerIdentity server,
    ILogger<InProcessStudioEvents> localLogger, ILogger logger) : BackgroundService, IStudioEvents
{
    public const string Channel = "studio_events";

    private readonly InProcessStudioEvents _local = new(localLogger);
    private readonly Channel<string> _outgoing = System.Threading.Channels.Channel.CreateUnbounded<string>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<string> _arrived = System.Threading.Channels.Channel.CreateUnbounded<string>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _started;

    /// <summary>Completes once this server hears the others.</summary>
    public Task Listening => _listening.Task;

    protected ILogger Logger => logger;

    public void Publish(StudioEvent studioEvent)
    {
        _local.Publish(studioEvent);
        if (_started && !studioEvent.FromOtherServer)
        {
            _outgoing.Writer.TryWrite(EventWire.Write(studioEvent, server.Name));
        }
    }

    public IDisposable Subscribe(Action<StudioEvent> handler) => _local.Subscribe(handler);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _started = true;
        var delivering = DeliverAsync(stoppingToken);
        try
        {
            await Task.WhenAll(ListenAsync(stoppingToken), SendAllAsync(stoppingToken));
        }
        finally
        {
            _arrived.Writer.TryComplete();
            await delivering;
        }
    }

    /// <summary>Sends one message to the other servers.</summary>
    protected abstract Task SendAsync(string message, CancellationToken cancellationToken);

    /// <summary>Hears the other servers until stopped: every message goes to <see cref="Arrived"/>, and
    /// <see cref="Heard"/> is called once listening.</summary>
    protected abstract Task ListenAsync(CancellationToken stoppingToken);

    protected void Arrived(string message) => _arrived.Writer.TryWrite(message);

    /// <summary>A second's pause before a transport tries again; a stop ends it early, without throwing.</summary>
    protected static Task PauseAsync(CancellationToken stoppingToken) =>
        Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);

    protected void Heard() => _listening.TrySetResult();

    private async Task SendAllAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _outgoing.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(message, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not tell the other servers about an event");
            }
        }
    }

    private async Task DeliverAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _arrived.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                var (sender, studioEvent) = await EventWire.ReadAsync(message, models);
                if (sender != server.Name && studioEvent is not null)
                {
                    _local.Publish(studioEvent);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not take an event from another server: {Message}",
                    message[..Math.Min(200, message.Length)]);
            }
        }
    }
}
