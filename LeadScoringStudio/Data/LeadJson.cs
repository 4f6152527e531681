using System.Text.Json;
using System.Text.Json.Serialization;
using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Data;

/// <summary>
/// How a lead's attributes and activities are stored: attributes as <c>{"field": {"type": "number", "value": "1200"}}</c>,
/// activities as <c>[{"type": "page_visit", "at": "…", "properties": {"url": "/pricing"}}]</c>.
/// </summary>
public static class LeadJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static string WriteAttributes(IReadOnlyDictionary<string, FieldValue> attributes) =>
        JsonSerializer.Serialize(
            attributes.Where(a => !a.Value.IsMissing).ToDictionary(a => a.Key, a => new StoredValue(a.Value.Type!.Value, a.Value.ToString())),
            Options);

    public static string WriteActivities(IEnumerable<Activity> activities) =>
        JsonSerializer.Serialize(activities.Select(a => new StoredActivity(a.Type, a.At, a.Properties.Count == 0 ? null : a.Properties)), Options);

    /// <summary>Reads a stored lead (see <see cref="LeadJsonReader"/>).</summary>
    public static Lead Read(string id, string attributesJson, string activitiesJson) =>
        LeadJsonReader.OnThisThread.Read(id, attributesJson, activitiesJson);

    private sealed record StoredValue(FieldType Type, string Value);

    private sealed record StoredActivity(string Type, DateTimeOffset At, IReadOnlyDictionary<string, string>? Properties);
}
