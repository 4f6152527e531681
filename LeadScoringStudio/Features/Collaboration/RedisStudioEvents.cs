using LeadScoringStudio.Data;
using LeadScoringStudio.Hosting;
using StackExchange.Redis;

namespace LeadScoringStudio.Features.Collaboration;

/// <summary>Studio events between servers through Redis pub/sub (<c>Events:Redis</c>); the client reconnects by
/// itself when the connection drops.</summary>
public sealed class RedisStudioEvents(string configuration, ModelRepository models, ServerIdentity server,
    ILogger<InProcessStudioEvents> localLogger, ILogger<RedisStudioEvents> logger)
    : RelayedStudioEvents(models, server, localLogger, logger)
{
    private static readonly RedisChannel Topic = RedisChannel.Literal(Channel);
    private readonly TaskCompletionSource<ConnectionMultiplexer> _connection =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Dispose()
    {
        if (_connection.Task.IsCompletedSuccessfully)
        {
            _connection.Task.Result.Dispose();
        }

        base.Dispose();
    }

    protected override async Task SendAsync(string message, CancellationToken cancellationToken) =>
        await (await _connection.Task.WaitAsync(cancellationToken)).GetSubscriber().PublishAsync(Topic, message);

    protected override async Task ListenAsync(CancellationToken stoppingToken)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false; // a Redis server that is down at start is waited for, not fatal
        var connection = await ConnectionMultiplexer.ConnectAsync(options);
        _connection.TrySetResult(connection);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queue = await connection.GetSubscriber().SubscribeAsync(Topic);
                Heard();
                while (true)
                {
                    Arrived((await queue.ReadAsync(stoppingToken)).Message!);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                Logger.LogWarning(e, "Could not hear the other servers through Redis; trying again");
                await PauseAsync(stoppingToken);
            }
        }
    }
}
