using System.Collections.Concurrent;
using System.Threading.Channels;
using LeadScoringStudio.Data;
using LeadScoringStudio.Hosting;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Features.Collaboration;

/// <summary>Someone with a model open: who, in which role, and what they are on.</summary>
public sealed record Presence(string SessionId, int ModelId, string Name, string Role, string Editing, DateTimeOffset Since);

/// <summary>
/// Who has which model open, on every server. Sessions of this server join when the workbench opens, say what they
/// are editing, and leave when the page closes or the connection drops; every change is announced as
/// <see cref="PresenceChanged"/>. Each server writes its own sessions to the database on every change and every
/// <see cref="Beat"/>, and reads the others' there; a server that stops beating (it died) loses its people after
/// <see cref="Expiry"/>. What another server's change brings is announced here as <see cref="PresenceRefreshed"/>.
/// </summary>
public sealed class PresenceTracker : BackgroundService
{
    public static readonly TimeSpan Beat = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan Expiry = 3 * Beat;

    private readonly ConcurrentDictionary<string, Presence> _sessions = new();

    /// <summary>Models whose sessions here changed since they were last written.</summary>
    private readonly ConcurrentDictionary<int, bool> _unwritten = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly IStudioEvents _events;
    private readonly IDbContextFactory<StudioDbContext> _contexts;
    private readonly ServerIdentity _server;
    private readonly TimeProvider _time;
    private readonly ILogger<PresenceTracker> _logger;
    private readonly IDisposable _subscription;
    private IReadOnlyList<Presence> _others = [];

    public PresenceTracker(IStudioEvents events, IDbContextFactory<StudioDbContext> contexts, ServerIdentity server,
        TimeProvider time, ILogger<PresenceTracker> logger)
    {
        (_events, _contexts, _server, _time, _logger) = (events, contexts, server, time, logger);
        _subscription = events.Subscribe(e =>
        {
            if (e is PresenceChanged { FromOtherServer: true })
            {
                _wake.Writer.TryWrite(true);
            }
        });
    }

    public IReadOnlyList<Presence> At(int modelId) =>
        _sessions.Values.Concat(_others).Where(p => p.ModelId == modelId).OrderBy(p => p.Since).ThenBy(p => p.Name)
            .ToList();

    public void Join(string sessionId, int modelId, string name, string role, string editing)
    {
        _sessions[sessionId] = new Presence(sessionId, modelId, name, role, editing, _time.GetUtcNow());
        Changed(modelId);
    }

    public void Editing(string sessionId, string editing)
    {
        if (_sessions.TryGetValue(sessionId, out var presence) && presence.Editing != editing)
        {
            _sessions[sessionId] = presence with { Editing = editing };
            Changed(presence.ModelId);
        }
    }

    public void Leave(string sessionId)
    {
        if (_sessions.TryRemove(sessionId, out var presence))
        {
            Changed(presence.ModelId);
        }
    }

    public override void Dispose()
    {
        _subscription.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "Could not share who is here with the other servers; trying again");
            }

            using var beat = new CancellationTokenSource(Beat, _time);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, beat.Token);
            try
            {
                await _wake.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // A beat without a change.
            }
        }
    }

    /// <summary>Tells this server's bars at once, and the other servers again once the change is written (they read
    /// it from the database).</summary>
    private void Changed(int modelId)
    {
        _unwritten[modelId] = true;
        _events.Publish(new PresenceChanged(modelId));
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Writes this server's sessions with a fresh beat, forgets everyone whose server stopped beating, and
    /// reads the others.</summary>
    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var written = _unwritten.Keys.ToList();
        foreach (var model in written)
        {
            _unwritten.TryRemove(model, out _);
        }

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var mine = _sessions.Values.ToDictionary(p => p.SessionId);
        var stored = await db.Presence.Where(p => p.Server == _server.Name).ToListAsync(cancellationToken);
        db.Presence.RemoveRange(stored.Where(r => !mine.ContainsKey(r.SessionId)));
        foreach (var presence in mine.Values)
        {
            var record = stored.FirstOrDefault(r => r.SessionId == presence.SessionId);
            if (record is null)
            {
                record = new PresenceRecord { SessionId = presence.SessionId, Server = _server.Name, Name = "",
                    Role = "", Editing = "" };
                db.Presence.Add(record);
            }

            (record.ModelId, record.Name, record.Role, record.Editing, record.Since, record.BeatAtUnixMs) =
                (presence.ModelId, presence.Name, presence.Role, presence.Editing, presence.Since, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var model in written)
        {
            _events.Publish(new PresenceChanged(model));
        }

        var expired = now - (long)Expiry.TotalMilliseconds;
        await db.Presence.Where(p => p.BeatAtUnixMs < expired).ExecuteDeleteAsync(cancellationToken);
        var others = (await db.Presence.AsNoTracking()
                .Where(p => p.Server != _server.Name && p.BeatAtUnixMs >= expired).ToListAsync(cancellationToken))
            .Select(r => new Presence(r.SessionId, r.ModelId, r.Name, r.Role, r.Editing, r.Since))
            .OrderBy(p => p.SessionId, StringComparer.Ordinal).ToList();
        var before = _others;
        if (!others.SequenceEqual(before))
        {
            _others = others;
            foreach (var model in before.Concat(others).Select(p => p.ModelId).Distinct())
            {
                _events.Publish(new PresenceRefreshed(model) { FromOtherServer = true });
            }
        }
    }
}
