using Microsoft.AspNetCore.Components.Server.Circuits;

namespace LeadScoringStudio.Features.Collaboration;

/// <summary>
/// Keeps presence honest when a browser drops: the circuit's session leaves when its connection goes
/// down (or the circuit closes) and comes back when the connection returns.
/// </summary>
public sealed class CircuitPresence(PresenceTracker tracker) : CircuitHandler
{
    private Presence? _presence;

    /// <summary>Joins for this circuit (the workbench calls this when it opens a model).</summary>
    public void Join(string sessionId, int modelId, string name, string role, string editing)
    {
        tracker.Join(sessionId, modelId, name, role, editing);
        _presence = tracker.At(modelId).FirstOrDefault(p => p.SessionId == sessionId);
    }

    public void Editing(string editing)
    {
        if (_presence is { } presence)
        {
            _presence = presence with { Editing = editing };
            tracker.Editing(presence.SessionId, editing);
        }
    }

    public void Leave()
    {
        if (_presence is { } presence)
        {
            tracker.Leave(presence.SessionId);
            _presence = null;
        }
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_presence is { } presence)
        {
            tracker.Leave(presence.SessionId);
        }

        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_presence is { } presence)
        {
            tracker.Join(presence.SessionId, presence.ModelId, presence.Name, presence.Role, presence.Editing);
        }

        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Leave();
        return Task.CompletedTask;
    }
}
