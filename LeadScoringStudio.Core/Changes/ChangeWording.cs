using System.Globalization;
using System.Text.Json.Nodes;

namespace LeadScoringStudio.Core.Changes;

/// <summary>Puts a change at a model path into plain words: "Pricing page visit: 10 → 15 points", "Band B now starts at 40, was 45".</summary>
internal sealed class ChangeWording
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>Names things by what the models call them (criterion labels, category labels, disqualifier reasons, field labels).</summary>
    public ChangeWording(params JsonObject[] models)
    {
        foreach (var model in models)
        {
            foreach (var list in new[] { "criteria", "categories", "disqualifiers", "fields", "activityTypes" })
            {
                var key = list is "fields" or "activityTypes" ? "name" : "id";
                foreach (var (id, item) in ModelTree.Items(model[list], key))
                {
                    _names.TryAdd(ModelTree.Item(list, id), (string?)(item["label"] ?? item["reason"]) ?? id);
                }
            }
        }
    }

    public string Added(string list, JsonObject item) => list switch
    {
        "criteria" => $"Added: {Name(list, item)}, {Signed(item["points"] ?? item["pointsPerOccurrence"])}",
        "disqualifiers" => $"Added disqualifier: {Name(list, item)}",
        _ => $"Added {Singular(list)}: {Name(list, item)}",
    };

    public string Removed(string list, JsonObject item) => list switch
    {
        "criteria" => $"Removed: {Name(list, item)}",
        _ => $"Removed {Singular(list)}: {Name(list, item)}",
    };

    /// <summary>What a path is, e.g. "Pricing page visit: cap" or "Fit grade 2 threshold".</summary>
    public string Subject(string path)
    {
        var (owner, property) = Split(path);
        return (owner, property) switch
        {
            ("", "name") => "Model name",
            ("", "mqlCells") => "MQL cells",
            ("fitBands", _) => $"Fit grade {Grade(property, "123")} threshold",
            ("engagementBands", _) => $"Band {Grade(property, "ABC")} threshold",
            _ when owner.StartsWith("actions.", StringComparison.Ordinal) => $"{owner[8..]} {ActionWord(property)}",
            _ when owner.StartsWith("limits.", StringComparison.Ordinal) => $"{Capital(owner[7..])} score {(property == "min" ? "lowest" : "highest")}",
            _ => $"{_names.GetValueOrDefault(owner) ?? Capital(owner)}: {PropertyWord(property)}",
        };
    }

    public string Change(string path, JsonNode? before, JsonNode? after)
    {
        var (owner, property) = Split(path);
        if (owner is "fitBands" or "engagementBands")
        {
            var grade = owner == "fitBands" ? $"Fit grade {Grade(property, "123")}" : $"Band {Grade(property, "ABC")}";
            return $"{grade} now starts at {Value(after)}, was {Value(before)}";
        }

        if (property is "points" or "pointsPerOccurrence" && owner.StartsWith("criteria[", StringComparison.Ordinal))
        {
            return $"{_names.GetValueOrDefault(owner)}: {Value(before)} → {Value(after)} points";
        }

        if (path == "mqlCells")
        {
            var was = Cells(before);
            var now = Cells(after);
            var parts = now.Except(was).Select(c => $"{c} is now an MQL cell").Concat(was.Except(now).Select(c => $"{c} is no longer an MQL cell"));
            return string.Join("; ", parts);
        }

        if (property == "label" && owner.StartsWith("criteria[", StringComparison.Ordinal))
        {
            return $"Renamed: {Value(before)} → {Value(after)}";
        }

        return $"{Subject(path)}: {Value(before)} → {Value(after)}";
    }

    /// <summary>A value as people read it: conditions as "field operator values", decay as "half-life 30 days", nothing as "none".</summary>
    public static string Value(JsonNode? node) => node switch
    {
        null => "none",
        JsonValue value => value.TryGetValue<decimal>(out var number) ? number.ToString(CultureInfo.InvariantCulture) : Words((string?)value ?? ""),
        JsonArray array => array.Count == 0 ? "none" : string.Join(", ", array.Select(Value)),
        JsonObject { } o when o.ContainsKey("kind") => o["kind"]!.GetValue<string>() == "none" ? "no decay" : $"{Words((string)o["kind"]!)} {Value(o["days"])} days",
        JsonObject { } o when o.ContainsKey("field") => $"{Value(o["field"])} {Words((string)o["operator"]!)} {Value(o["values"])}".TrimEnd(),
        JsonObject { } o when o.ContainsKey("type") && o.ContainsKey("filters") =>
            $"{Value(o["type"])}{string.Concat((o["filters"] as JsonArray ?? []).OfType<JsonObject>().Select(f => $" where {Value(f["property"])} {Words((string)f["operator"]!)} {Value(f["values"])}"))}",
        _ => string.Join(", ", node.AsObject().Select(p => $"{Words(p.Key)} {Value(p.Value)}")),
    };

    private string Name(string list, JsonObject item) =>
        _names.GetValueOrDefault(ModelTree.Item(list, (string)(item["id"] ?? item["name"])!)) ?? "?";

    private static (string Owner, string Property) Split(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? ("", path) : (path[..dot], path[(dot + 1)..]);
    }

    private static char Grade(string property, string names) => property switch
    {
        "first" => names[0],
        "second" => names[1],
        _ => names[2],
    };

    private static string ActionWord(string property) => property switch
    {
        "label" => "action",
        "slaHours" => "SLA (hours)",
        _ => property,
    };

    private static string PropertyWord(string property) => property switch
    {
        "points" or "pointsPerOccurrence" => "points",
        "maxOccurrences" => "counts at most",
        "maxPoints" => "cap",
        "lookbackDays" => "window (days)",
        "attribute" or "activity" => "condition",
        "dimension" => "counts towards",
        "periodDays" => "period (days)",
        "cooldownDays" => "cool-down (days)",
        _ => Words(property),
    };

    private static string Signed(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<int>(out var n) ? n.ToString("+0;−0", CultureInfo.InvariantCulture) : Value(node);

    private static IReadOnlyList<string> Cells(JsonNode? node) => (node as JsonArray ?? []).Select(c => (string)c!).ToList();

    private static string Singular(string list) => list switch
    {
        "categories" => "category",
        "fields" => "field",
        "activityTypes" => "activity type",
        _ => list,
    };

    /// <summary>camelCase names as words: "halfLife" → "half-life", "oneOf" → "one of", "salesNow" → "sales now".</summary>
    private static string Words(string text) => text switch
    {
        "halfLife" => "half-life",
        "endsWith" => "ends with",
        "startsWith" => "starts with",
        "notOneOf" => "not one of",
        "oneOf" => "one of",
        "atLeast" => "at least",
        "atMost" => "at most",
        "isMissing" => "is missing",
        "isPresent" => "is present",
        "accountBased" => "account-based",
        "salesNow" => "sales now",
        _ => text,
    };

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
