namespace LeadScoringStudio.Features.Collaboration;

/// <summary>Something that happened to a model that everyone who has it open should see. Small: receivers reload what they need.</summary>
public abstract record StudioEvent(int ModelId, string? FromSession);

/// <summary>The shared draft was committed and is now at <paramref name="Version"/>.</summary>
public sealed record DraftChanged(int ModelId, long Version, string? FromSession) : StudioEvent(ModelId, FromSession);

public sealed record ModelPublished(int ModelId, int Number, string? FromSession) : StudioEvent(ModelId, FromSession);

public sealed record ApprovalsChanged(int ModelId, string? FromSession) : StudioEvent(ModelId, FromSession);

public sealed record PresenceChanged(int ModelId) : StudioEvent(ModelId, null);

public sealed record WorkshopChanged(int ModelId, string? FromSession) : StudioEvent(ModelId, FromSession);

/// <summary>Leads were imported or written through the API; every workbench rescoring them should reload. Not tied to one model.</summary>
public sealed record LeadsChanged() : StudioEvent(AnyModel, null)
{
    public const int AnyModel = 0;
}

/// <summary>
/// The one seam every broadcast goes through. One server uses <see cref="InProcessStudioEvents"/>; several
/// servers would back this with Redis pub/sub or PostgreSQL LISTEN/NOTIFY carrying the same small events.
/// </summary>
public interface IStudioEvents
{
    void Publish(StudioEvent studioEvent);

    /// <summary>Calls <paramref name="handler"/> for every event until the returned handle is disposed.</summary>
    IDisposable Subscribe(Action<StudioEvent> handler);
}

/// <summary>Delivers events to every subscriber in this process; one failing subscriber (a dead circuit) cannot stop the others.</summary>
public sealed class InProcessStudioEvents(ILogger<InProcessStudioEvents> logger) : IStudioEvents
{
    private readonly Lock _gate = new();
    private Action<StudioEvent>[] _handlers = [];

    public void Publish(StudioEvent studioEvent)
    {
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            try
            {
                handler(studioEvent);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A subscriber failed to take {Event}", studioEvent);
            }
        }
    }

    public IDisposable Subscribe(Action<StudioEvent> handler)
    {
        lock (_gate)
        {
            _handlers = [.. _handlers, handler];
        }

        return new Subscription(() =>
        {
            lock (_gate)
            {
                _handlers = _handlers.Where(h => h != handler).ToArray();
            }
        });
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
