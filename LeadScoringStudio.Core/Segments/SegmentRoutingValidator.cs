using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Segments;

/// <summary>
/// Checks a routing before it is published: every segment is named (uniquely) and scored by a model that has a
/// published version; every rule has a condition that the workspace's fields can answer; the default has none.
/// </summary>
public static class SegmentRoutingValidator
{
    /// <summary>More segments than this do not fit a lead's segment column.</summary>
    public const int MostSegments = 32;

    public const int NameLength = 60;

    /// <param name="routing">The routing to check.</param>
    /// <param name="published">Model keys with a published version.</param>
    /// <param name="fields">A model whose fields are the workspace's (the default model's).</param>
    public static IReadOnlyList<ModelProblem> Validate(SegmentRouting routing, IReadOnlySet<string> published,
        ScoringModel fields)
    {
        var problems = new List<ModelProblem>();
        void Problem(string path, string message) => problems.Add(new ModelProblem(path, message));

        if (routing.Rules.Count + 1 > MostSegments)
        {
            Problem("rules", $"a routing has at most {MostSegments} segments; merge some rules");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < routing.Segments.Count; i++)
        {
            var segment = routing.Segments[i];
            var path = i < routing.Rules.Count ? $"rules[{i}]" : "otherwise";
            var shown = string.IsNullOrWhiteSpace(segment.Name) ? $"segment {i + 1}" : $"segment '{segment.Name}'";
            if (string.IsNullOrWhiteSpace(segment.Name))
            {
                Problem($"{path}.name", $"{shown} needs a name");
            }
            else if (segment.Name.Length > NameLength)
            {
                Problem($"{path}.name", $"{shown}: a name has at most {NameLength} characters");
            }
            else if (!names.Add(segment.Name.Trim()))
            {
                Problem($"{path}.name", $"two segments are called '{segment.Name.Trim()}'; names must differ");
            }

            if (!published.Contains(segment.ModelKey))
            {
                Problem($"{path}.model", $"{shown}: model '{segment.ModelKey}' has no published version to score with");
            }

            if (i < routing.Rules.Count && segment.When is null)
            {
                Problem($"{path}.when", $"{shown} needs a condition; only the last segment takes everyone else");
            }
            else if (i == routing.Rules.Count && segment.When is not null)
            {
                Problem($"{path}.when",
                    $"{shown} is the default and takes every lead no rule took; it has no condition");
            }

            if (segment.When is { } when)
            {
                ConditionValidator.Check(fields, when, path, Problem);
            }
        }

        return problems;
    }
}
