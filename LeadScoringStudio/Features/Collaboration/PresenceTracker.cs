using System.Collections.Concurrent;

namespace LeadScoringStudio.Features.Collaboration;

/// <summary>Someone with a model open: who, in which role, and what they are on.</summary>
public sealed record Presence(string SessionId, int ModelId, string Name, string Role, string Editing, DateTimeOffset Since);

/// <summary>
/// Who has which model open, across all circuits of this server. Sessions join when the workbench opens,
/// say what they are editing, and leave when the page closes or the connection drops; every change is
/// announced as <see cref="PresenceChanged"/>.
/// </summary>
public sealed class PresenceTracker(IStudioEvents events, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Presence> _sessions = new();

    public IReadOnlyList<Presence> At(int modelId) =>
        _sessions.Values.Where(p => p.ModelId == modelId).OrderBy(p => p.Since).ThenBy(p => p.Name).ToList();

    public void Join(string sessionId, int modelId, string name, string role, string editing)
    {
        _sessions[sessionId] = new Presence(sessionId, modelId, name, role, editing, time.GetUtcNow());
        events.Publish(new PresenceChanged(modelId));
    }

    public void Editing(string sessionId, string editing)
    {
        if (_sessions.TryGetValue(sessionId, out var presence) && presence.Editing != editing)
        {
            _sessions[sessionId] = presence with { Editing = editing };
            events.Publish(new PresenceChanged(presence.ModelId));
        }
    }

    public void Leave(string sessionId)
    {
        if (_sessions.TryRemove(sessionId, out var presence))
        {
            events.Publish(new PresenceChanged(presence.ModelId));
        }
    }
}
