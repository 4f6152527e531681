using System.Threading.Channels;
using LeadScoringStudio.Data;
using LeadScoringStudio.Hosting;
using Npgsql;

namespace LeadScoringStudio.Features.Collaboration;

/// <summary>
/// Studio events for several servers on one PostgreSQL database: each event is delivered in this process at once (as
/// <see cref="InProcessStudioEvents"/> does) and sent to the others with <c>NOTIFY</c>; what the others send arrives
/// through a <c>LISTEN</c> connection, is read back (<see cref="EventWire"/>) and delivered here in the order it came.
/// A lost connection is opened again; events sent meanwhile by others are missed, so receivers reload what they
/// show on the next event.
/// </summary>
public sealed class PostgreSqlStudioEvents(string connectionString, ModelRepository models, ServerIdentity server,
    ILogger<InProcessStudioEvents> localLogger, ILogger<PostgreSqlStudioEvents> logger)
    : BackgroundService, IStudioEvents
{
    public const string Channel = "studio_events";

    /// <summary>NOTIFY refuses payloads of 8,000 bytes or more.</summary>
    private const int MostBytes = 7999;

    private readonly InProcessStudioEvents _local = new(localLogger);
    private readonly Channel<string> _outgoing = System.Threading.Channels.Channel.CreateUnbounded<string>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _started;

    /// <summary>This server, as the messages name it: its own come back through LISTEN and are dropped.</summary>
    private string Server => server.Name;

    /// <summary>Completes once this server listens for the others.</summary>
    public Task Listening => _listening.Task;

    public void Publish(StudioEvent studioEvent)
    {
        _local.Publish(studioEvent);
        if (_started && !studioEvent.FromOtherServer)
        {
            _outgoing.Writer.TryWrite(EventWire.Write(studioEvent, Server));
        }
    }

    public IDisposable Subscribe(Action<StudioEvent> handler) => _local.Subscribe(handler);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _started = true;
        return Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await foreach (var message in _outgoing.Reader.ReadAllAsync(stoppingToken))
        {
            if (System.Text.Encoding.UTF8.GetByteCount(message) > MostBytes)
            {
                logger.LogError("An event is too big to send to the other servers ({Bytes} bytes): {Start}",
                    System.Text.Encoding.UTF8.GetByteCount(message), message[..Math.Min(200, message.Length)]);
                continue;
            }

            try
            {
                await using var command = source.CreateCommand("SELECT pg_notify(@channel, @message)");
                command.Parameters.AddWithValue("channel", Channel);
                command.Parameters.AddWithValue("message", message);
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not tell the other servers about an event");
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var arrived = System.Threading.Channels.Channel.CreateUnbounded<string>(
            new UnboundedChannelOptions { SingleReader = true });
        var delivering = DeliverAsync(arrived.Reader, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, notification) => arrived.Writer.TryWrite(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                _listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Lost the connection that hears the other servers; opening it again");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { },
                    TaskScheduler.Default);
            }
        }

        arrived.Writer.TryComplete();
        await delivering;
    }

    private async Task DeliverAsync(ChannelReader<string> arrived, CancellationToken stoppingToken)
    {
        await foreach (var message in arrived.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                var (server, studioEvent) = await EventWire.ReadAsync(message, models);
                if (server != Server && studioEvent is not null)
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
