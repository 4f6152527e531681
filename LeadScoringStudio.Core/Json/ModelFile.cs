using System.Text.Json;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Json;

/// <summary>What reading a model file gave: the model when the file is sound, otherwise every problem found.</summary>
public sealed record ModelFileResult(ScoringModel? Model, IReadOnlyList<ModelProblem> Problems)
{
    public bool IsValid => Model is not null;
}

/// <summary>
/// Model files: JSON with a schema version. Writing then reading gives back an equal model; reading
/// never throws and reports every problem with its JSON path.
/// </summary>
public static class ModelFile
{
    public static string Write(ScoringModel model) => ModelJsonWriter.Write(model);

    public static ModelFileResult Read(string json)
    {
        if (json.Length > ModelLimits.MaxFileBytes)
        {
            return TooBig(json.Length);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = ModelLimits.MaxDepth,
            });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
            var why = e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? $"it is nested deeper than {ModelLimits.MaxDepth} levels{where}"
                : $"this is not valid JSON{where}";
            return new ModelFileResult(null, [new ModelProblem("$", why)]);
        }

        using (document)
        {
            var problems = new List<ModelProblem>();
            var model = ModelJsonReader.Read(document.RootElement, problems);

            // An object that could not be read gets its own problems, not more about the placeholders standing in.
            var unreadable = problems.Select(p => EnclosingObject(p.Path)).ToList();
            problems.AddRange(ModelValidator.Validate(model).Where(p => !unreadable.Any(p.IsWithin)));
            return new ModelFileResult(problems.Count == 0 ? model : null, problems);
        }
    }

    /// <summary>A file of <paramref name="bytes"/> bytes, refused before it is read.</summary>
    public static ModelFileResult TooBig(long bytes) => new(null,
        [new ModelProblem("$", $"the file is {bytes / 1024.0 / 1024.0:0.0} MB; " +
            $"model files up to {ModelLimits.MaxFileBytes / 1024 / 1024} MB can be read")]);

    private static string EnclosingObject(string path)
    {
        var end = path.LastIndexOf('.');
        return end > 1 ? path[..end] : path;
    }
}
