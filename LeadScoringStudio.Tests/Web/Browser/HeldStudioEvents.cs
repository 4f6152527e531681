using LeadScoringStudio.Features.Collaboration;

namespace LeadScoringStudio.Tests.Web.Browser;

/// <summary>
/// The app's broadcast seam with a pause button, so a test can make two people change the same thing
/// "at the same time": while held, events queue instead of reaching the other browsers.
/// </summary>
public sealed class HeldStudioEvents(IStudioEvents inner) : IStudioEvents
{
    private readonly Lock _gate = new();
    private readonly List<StudioEvent> _held = [];
    private bool _holding;

    public void Hold()
    {
        lock (_gate)
        {
            _holding = true;
        }
    }

    public void Release()
    {
        StudioEvent[] held;
        lock (_gate)
        {
            _holding = false;
            held = [.. _held];
            _held.Clear();
        }

        foreach (var studioEvent in held)
        {
            inner.Publish(studioEvent);
        }
    }

    public void Publish(StudioEvent studioEvent)
    {
        lock (_gate)
        {
            if (_holding)
            {
                _held.Add(studioEvent);
                return;
            }
        }

        inner.Publish(studioEvent);
    }

    public IDisposable Subscribe(Action<StudioEvent> handler) => inner.Subscribe(handler);
}
