using System.Text.Json;
using System.Text.Json.Nodes;
using LeadScoringStudio.Data;

namespace LeadScoringStudio.Features.Collaboration;

/// <summary>
/// Studio events as they travel between servers: JSON naming the sending server and the event's type. The two events
/// that carry a model (<see cref="DraftChanged"/>, <see cref="ModelPublished"/>) travel thin, as the model's id and
/// version, and are read back from the database on arrival; every other event is small and travels whole.
/// </summary>
public static class EventWire
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(StudioEvent studioEvent, string server)
    {
        var body = studioEvent switch
        {
            DraftChanged changed => new JsonObject
            {
                ["modelId"] = changed.ModelId, ["fromSession"] = changed.FromSession,
            },
            ModelPublished published => new JsonObject
            {
                ["modelId"] = published.ModelId, ["number"] = published.Published.Number,
                ["fromSession"] = published.FromSession,
            },
            _ => JsonSerializer.SerializeToNode(studioEvent, studioEvent.GetType(), Json),
        };
        return new JsonObject
        {
            ["server"] = server, ["type"] = studioEvent.GetType().FullName, ["event"] = body,
        }.ToJsonString();
    }

    /// <summary>The sending server and the event, marked as from another server; null for a type this build does not
    /// know (a newer server during an upgrade) or a version no longer there.</summary>
    public static async Task<(string Server, StudioEvent? Event)> ReadAsync(string message, ModelRepository models)
    {
        var wire = JsonNode.Parse(message)!.AsObject();
        var server = wire["server"]!.GetValue<string>();
        var body = wire["event"]!.AsObject();
        var type = typeof(StudioEvent).Assembly.GetType(wire["type"]!.GetValue<string>());
        string? Session() => body["fromSession"]?.GetValue<string>();
        StudioEvent? read = type switch
        {
            null => null,
            _ when type == typeof(DraftChanged) => new DraftChanged(
                (await models.LoadAsync(body["modelId"]!.GetValue<int>())).Draft, Session()),
            _ when type == typeof(ModelPublished) => await PublishedAsync(models, body["modelId"]!.GetValue<int>(),
                body["number"]!.GetValue<int>(), Session()),
            _ when type.IsSubclassOf(typeof(StudioEvent)) => (StudioEvent?)body.Deserialize(type, Json),
            _ => null,
        };
        return (server, read is null ? null : read with { FromOtherServer = true });
    }

    private static async Task<StudioEvent?> PublishedAsync(ModelRepository models, int modelId, int number,
        string? session) =>
        (await models.PublishedVersionsAsync(modelId)).FirstOrDefault(v => v.Number == number) is { } version
            ? new ModelPublished(modelId, version, session)
            : null;
}
