using System.Text.Json.Nodes;
using LeadScoringStudio.Core.Editing;
using LeadScoringStudio.Core.Json;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Changes;

public enum MergeChoice
{
    Mine,
    Theirs,
}

/// <summary>Both changed the same thing differently since the common version: what it is, and the two values in words.</summary>
public sealed record MergeConflict(string Path, string Subject, string Mine, string Theirs);

/// <summary>The merged model, or the conflicts to choose on first, or (rarely) why the merged model is not sound.</summary>
public sealed record MergeResult(ScoringModel? Model, IReadOnlyList<MergeConflict> Conflicts, IReadOnlyList<ModelProblem> Problems)
{
    public bool IsClean => Model is not null;
}

/// <summary>
/// Three-way merge of two people's edits made from the same model: changes to different things are
/// combined; the same thing changed to two different values is a conflict, never a silent overwrite.
/// Passing <c>choices</c> (by conflict path) settles conflicts. Items both added under the same id are
/// both kept, mine under a fresh id.
/// </summary>
public static class ModelMerge
{
    public static MergeResult Merge(ScoringModel @base, ScoringModel mine, ScoringModel theirs, IReadOnlyDictionary<string, MergeChoice>? choices = null)
    {
        var b = ModelTree.Of(@base);
        var m = ModelTree.Of(mine);
        var t = ModelTree.Of(theirs);
        var merge = new Run(new ChangeWording(m, t, b), choices ?? new Dictionary<string, MergeChoice>());
        var merged = merge.Object("", b, m, t);
        if (merge.Conflicts.Count > 0)
        {
            return new MergeResult(null, merge.Conflicts, []);
        }

        var read = ModelFile.Read(merged.ToJsonString());
        return new MergeResult(read.Model, [], read.Problems);
    }

    private sealed class Run(ChangeWording wording, IReadOnlyDictionary<string, MergeChoice> choices)
    {
        public List<MergeConflict> Conflicts { get; } = [];

        public JsonObject Object(string path, JsonObject? b, JsonObject m, JsonObject t)
        {
            var result = new JsonObject();
            foreach (var property in t.Select(p => p.Key).Union(m.Select(p => p.Key)))
            {
                if (Value(ModelTree.Join(path, property), property, b?[property], m[property], t[property]) is { } value)
                {
                    result[property] = value;
                }
            }

            return result;
        }

        private JsonNode? Value(string path, string property, JsonNode? b, JsonNode? m, JsonNode? t)
        {
            if (ModelTree.Same(m, b) || ModelTree.Same(m, t))
            {
                return ModelTree.Copy(t);
            }

            if (ModelTree.Same(t, b))
            {
                return ModelTree.Copy(m);
            }

            if (ModelTree.KeyOfAny(b, m, t) is { } key && ModelTree.IsKeyedList(m) && ModelTree.IsKeyedList(t) && (b is null || ModelTree.IsKeyedList(b)))
            {
                return List(path, key, b, m, t);
            }

            if (ModelTree.IsObjectToWalk(property, m) && ModelTree.IsObjectToWalk(property, t))
            {
                return Object(path, b as JsonObject, m!.AsObject(), t!.AsObject());
            }

            return Conflict(path, m, t);
        }

        private JsonArray List(string path, string key, JsonNode? b, JsonNode? m, JsonNode? t)
        {
            var baseItems = ModelTree.Items(b, key).ToDictionary(i => i.Key, i => i.Item);
            var mine = ModelTree.Items(m, key).ToList();
            var mineItems = mine.ToDictionary(i => i.Key, i => i.Item);
            var theirs = ModelTree.Items(t, key).ToList();
            var theirItems = theirs.ToDictionary(i => i.Key, i => i.Item);

            // Keep their order unless only I reordered what we both still have.
            var common = baseItems.Keys.Where(k => mineItems.ContainsKey(k) && theirItems.ContainsKey(k)).ToList();
            var order = Order(baseItems.Keys, common).SequenceEqual(Order(theirs.Select(i => i.Key), common))
                ? mine.Select(i => i.Key).Concat(theirs.Select(i => i.Key).Where(k => !mineItems.ContainsKey(k)))
                : theirs.Select(i => i.Key).Concat(mine.Select(i => i.Key).Where(k => !theirItems.ContainsKey(k)));

            var result = new JsonArray();
            var taken = new HashSet<string>(theirItems.Keys.Concat(mineItems.Keys), StringComparer.OrdinalIgnoreCase);
            foreach (var id in order.Distinct())
            {
                var itemPath = ModelTree.Item(path, id);
                baseItems.TryGetValue(id, out var inBase);
                mineItems.TryGetValue(id, out var inMine);
                theirItems.TryGetValue(id, out var inTheirs);
                if (inBase is null && inMine is not null && inTheirs is not null && !ModelTree.Same(inMine, inTheirs))
                {
                    // Both added something under the same id: keep theirs as it is and mine under a new id.
                    result.Add(ModelTree.Copy(inTheirs));
                    var renamed = inMine.DeepClone().AsObject();
                    renamed[key] = ListEdits.UniqueId(id, taken);
                    taken.Add((string)renamed[key]!);
                    result.Add(renamed);
                    continue;
                }

                if (Value(itemPath, id, inBase, inMine, inTheirs) is { } merged)
                {
                    result.Add(merged);
                }
            }

            return result;
        }

        private JsonNode? Conflict(string path, JsonNode? m, JsonNode? t)
        {
            if (choices.TryGetValue(path, out var choice))
            {
                return ModelTree.Copy(choice == MergeChoice.Mine ? m : t);
            }

            Conflicts.Add(new MergeConflict(path, wording.Subject(path), Describe(m), Describe(t)));
            return ModelTree.Copy(t);
        }

        private static string Describe(JsonNode? node) => node switch
        {
            null => "removed",
            JsonObject item when (item["label"] ?? item["reason"]) is { } name => $"kept and changed ({name})",
            _ => ChangeWording.Value(node),
        };

        private static IEnumerable<string> Order(IEnumerable<string> keys, List<string> common) => keys.Where(common.Contains);
    }
}
