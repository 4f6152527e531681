using System.Threading.Channels;

using LeadScoringStudio.Data;

namespace LeadScoringStudio.Features.Collaboration;

/// <summary>Something that happened to a model that everyone who has it open should see. Small: receivers reload
/// what they need, except the draft and version just stored, which travel along so fifty workbenches do not read
/// them again.</summary>
public abstract record StudioEvent(int ModelId, string? FromSession)
{
    /// <summary>Set on an event that another server published: caches this server fills itself (the loaded leads)
    /// learn from it what the writer there told its own directly.</summary>
    public bool FromOtherServer { get; init; }
}

/// <summary>The shared draft was committed and is now <paramref name="Draft"/>: receivers need not read it
/// again.</summary>
public sealed record DraftChanged(DraftModel Draft, string? FromSession) : StudioEvent(Draft.ModelId, FromSession);

public sealed record ModelPublished(int ModelId, PublishedModel Published, string? FromSession)
    : StudioEvent(ModelId, FromSession);

public sealed record ApprovalsChanged(int ModelId, string? FromSession) : StudioEvent(ModelId, FromSession);

public sealed record PresenceChanged(int ModelId) : StudioEvent(ModelId, null);

/// <summary>Who is here on other servers changed (read from the database): this server's presence bars show it.
/// Never sent on to other servers.</summary>
public sealed record PresenceRefreshed(int ModelId) : StudioEvent(ModelId, null);

public sealed record WorkshopChanged(int ModelId, string? FromSession) : StudioEvent(ModelId, FromSession);

/// <summary>Leads were imported or written through the API; every workbench rescoring them should reload. Not tied to
/// one model. <paramref name="LeadIds"/> names the leads when their ids fit in <see cref="MostIdCharacters"/>, so other
/// servers read only those again; null means many.</summary>
public sealed record LeadsChanged(IReadOnlyList<string>? LeadIds = null) : StudioEvent(AnyModel, null)
{
    public const int AnyModel = 0;

    /// <summary>How long the ids one event carries may be together, which keeps it within a PostgreSQL
    /// notification.</summary>
    public const int MostIdCharacters = 4_000;

    /// <summary>The event for a write that changed these leads.</summary>
    public static LeadsChanged Of(IReadOnlyCollection<string> leadIds) =>
        new(leadIds.Sum(id => id.Length + JsonQuotesAndComma) <= MostIdCharacters ? [.. leadIds] : null);

    /// <summary>What each id costs on the wire besides its characters.</summary>
    private const int JsonQuotesAndComma = 3;
}

/// <summary>
/// The one seam every broadcast goes through. One server uses <see cref="InProcessStudioEvents"/>; servers on one
/// PostgreSQL database use <see cref="PostgreSqlStudioEvents"/> (LISTEN/NOTIFY), carrying the same small events.
/// </summary>
public interface IStudioEvents
{
    void Publish(StudioEvent studioEvent);

    /// <summary>Calls <paramref name="handler"/> for every event until the returned handle is disposed.</summary>
    IDisposable Subscribe(Action<StudioEvent> handler);
}

/// <summary>
/// Delivers events to every subscriber in this process, asynchronously: each subscriber has its own queue, read in
/// order on the thread pool, so publishing never runs anyone's handler on the publisher's call path, and a slow or
/// dead subscriber (a circuit busy rendering, or gone) delays nobody else. A failing handler is logged.
/// </summary>
public sealed class InProcessStudioEvents(ILogger<InProcessStudioEvents> logger) : IStudioEvents
{
    private readonly Lock _gate = new();
    private Subscriber[] _subscribers = [];

    public void Publish(StudioEvent studioEvent)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Queue.Writer.TryWrite(studioEvent);
        }
    }

    public IDisposable Subscribe(Action<StudioEvent> handler)
    {
        var subscriber = new Subscriber(handler);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        Task.Run(() => DeliverAsync(subscriber)).Observe(logger, "delivering studio events");
        return new Subscription(() =>
        {
            lock (_gate)
            {
                _subscribers = _subscribers.Where(s => s != subscriber).ToArray();
            }

            subscriber.Queue.Writer.TryComplete();
        });
    }

    private async Task DeliverAsync(Subscriber subscriber)
    {
        await foreach (var studioEvent in subscriber.Queue.Reader.ReadAllAsync())
        {
            try
            {
                subscriber.Handler(studioEvent);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A subscriber failed to take {Event}", studioEvent);
            }
        }
    }

    private sealed class Subscriber(Action<StudioEvent> handler)
    {
        public Action<StudioEvent> Handler { get; } = handler;

        public Channel<StudioEvent> Queue { get; } =
            Channel.CreateUnbounded<StudioEvent>(new() { SingleReader = true });
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
