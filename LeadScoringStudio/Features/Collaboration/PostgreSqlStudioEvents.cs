using LeadScoringStudio.Data;
using LeadScoringStudio.Hosting;
using Npgsql;

namespace LeadScoringStudio.Features.Collaboration;

/// <summary>Studio events between servers on one PostgreSQL database: sent with <c>NOTIFY</c>, heard on a
/// <c>LISTEN</c> connection that is opened again when it drops.</summary>
public sealed class PostgreSqlStudioEvents(string connectionString, ModelRepository models, ServerIdentity server,
    ILogger<InProcessStudioEvents> localLogger, ILogger<PostgreSqlStudioEvents> logger)
    : RelayedStudioEvents(models, server, localLogger, logger)
{
    /// <summary>NOTIFY refuses payloads of 8,000 bytes or more.</summary>
    private const int MostBytes = 7999;

    private readonly Lazy<NpgsqlDataSource> _source = new(() => NpgsqlDataSource.Create(connectionString));

    public override void Dispose()
    {
        if (_source.IsValueCreated)
        {
            _source.Value.Dispose();
        }

        base.Dispose();
    }

    protected override async Task SendAsync(string message, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(message);
        if (bytes > MostBytes)
        {
            Logger.LogError("An event is too big to send to the other servers ({Bytes} bytes): {Start}", bytes,
                message[..Math.Min(200, message.Length)]);
            return;
        }

        await using var command = _source.Value.CreateCommand("SELECT pg_notify(@channel, @message)");
        command.Parameters.AddWithValue("channel", Channel);
        command.Parameters.AddWithValue("message", message);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, notification) => Arrived(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                Heard();
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
                Logger.LogWarning(e, "Lost the connection that hears the other servers; opening it again");
                await PauseAsync(stoppingToken);
            }
        }
    }
}
