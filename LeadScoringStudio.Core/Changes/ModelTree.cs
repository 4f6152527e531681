using System.Text.Json.Nodes;
using LeadScoringStudio.Core.Json;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Changes;

/// <summary>
/// A model as its JSON file's tree, the shape diffs and merges walk: lists of things with an id
/// (criteria, disqualifiers, categories; fields and activity types by name) are matched by that id,
/// conditions and decay count as one value, any other list (values, MQL cells) as one value too.
/// Paths read like <c>criteria[pricing-page].maxPoints</c> or <c>actions.B2.slaHours</c>.
/// </summary>
internal static class ModelTree
{
    private static readonly HashSet<string> WholeValues = ["attribute", "activity", "decay"];

    public static JsonObject Of(ScoringModel model) => JsonNode.Parse(ModelFile.Write(model))!.AsObject();

    public static bool IsObjectToWalk(string property, JsonNode? node) => node is JsonObject && !WholeValues.Contains(property);

    /// <summary>The id property of a list whose items are matched by id, or null for a list compared whole.</summary>
    public static string? KeyOf(JsonNode? node) =>
        node is JsonArray { Count: > 0 } array && array[0] is JsonObject first
            ? first.ContainsKey("id") ? "id" : first.ContainsKey("name") ? "name" : null
            : null;

    public static string? KeyOfAny(params JsonNode?[] nodes) => nodes.Select(KeyOf).FirstOrDefault(k => k is not null);

    public static bool IsKeyedList(JsonNode? node) => node is JsonArray array && (array.Count == 0 || KeyOf(array) is not null);

    public static IEnumerable<(string Key, JsonObject Item)> Items(JsonNode? list, string keyProperty) =>
        (list as JsonArray ?? []).OfType<JsonObject>().Select(item => ((string)item[keyProperty]!, item));

    public static bool Same(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    public static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    public static string Join(string path, string property) => path.Length == 0 ? property : $"{path}.{property}";

    public static string Item(string path, string key) => $"{path}[{key}]";
}
