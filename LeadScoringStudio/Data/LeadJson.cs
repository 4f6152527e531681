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

    public static Lead Read(string id, string attributesJson, string activitiesJson)
    {
        var attributes = new Dictionary<string, FieldValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, stored) in JsonSerializer.Deserialize<Dictionary<string, StoredValue>>(attributesJson, Options) ?? [])
        {
            attributes[name] = ValueParser.TryParse(stored.Value, stored.Type, out var value)
                ? value
                : throw new InvalidDataException($"Lead {id}: attribute '{name}' holds '{stored.Value}', which is not a {stored.Type}.");
        }

        var activities = (JsonSerializer.Deserialize<List<StoredActivity>>(activitiesJson, Options) ?? [])
            .Select(a => new Activity(a.Type, a.At, a.Properties is null ? Activity.NoProperties : new Dictionary<string, string>(a.Properties, StringComparer.OrdinalIgnoreCase)))
            .ToList();
        return new Lead(id, attributes, activities);
    }

    private sealed record StoredValue(FieldType Type, string Value);

    private sealed record StoredActivity(string Type, DateTimeOffset At, IReadOnlyDictionary<string, string>? Properties);
}
