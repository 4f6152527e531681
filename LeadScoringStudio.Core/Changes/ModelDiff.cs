using System.Text.Json.Nodes;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Changes;

/// <summary>Everything that differs between two models, each as a sentence, in the order of the model file.</summary>
public static class ModelDiff
{
    public static IReadOnlyList<ModelChange> Compare(ScoringModel before, ScoringModel after)
    {
        var a = ModelTree.Of(before);
        var b = ModelTree.Of(after);
        var wording = new ChangeWording(b, a);
        var changes = new List<ModelChange>();
        Walk("", a, b, wording, changes);
        return changes;
    }

    private static void Walk(string path, JsonObject before, JsonObject after, ChangeWording wording, List<ModelChange> changes)
    {
        foreach (var property in before.Select(p => p.Key).Union(after.Select(p => p.Key)))
        {
            var a = before[property];
            var b = after[property];
            var here = ModelTree.Join(path, property);
            if (ModelTree.Same(a, b))
            {
                continue;
            }

            if (ModelTree.KeyOfAny(a, b) is { } key && ModelTree.IsKeyedList(a) && ModelTree.IsKeyedList(b))
            {
                WalkList(here, key, a, b, wording, changes);
            }
            else if (ModelTree.IsObjectToWalk(property, a) && ModelTree.IsObjectToWalk(property, b))
            {
                Walk(here, a!.AsObject(), b!.AsObject(), wording, changes);
            }
            else
            {
                changes.Add(new ModelChange(here, wording.Change(here, a, b)));
            }
        }
    }

    private static void WalkList(string path, string key, JsonNode? before, JsonNode? after, ChangeWording wording, List<ModelChange> changes)
    {
        var was = ModelTree.Items(before, key).ToDictionary(i => i.Key, i => i.Item);
        var now = ModelTree.Items(after, key).ToDictionary(i => i.Key, i => i.Item);
        foreach (var (id, item) in now)
        {
            if (was.TryGetValue(id, out var old))
            {
                Walk(ModelTree.Item(path, id), old, item, wording, changes);
            }
            else
            {
                changes.Add(new ModelChange(ModelTree.Item(path, id), wording.Added(path, item)));
            }
        }

        changes.AddRange(was.Where(w => !now.ContainsKey(w.Key)).Select(w => new ModelChange(ModelTree.Item(path, w.Key), wording.Removed(path, w.Value))));
    }
}
