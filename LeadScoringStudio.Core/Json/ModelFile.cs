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
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
            return new ModelFileResult(null, [new ModelProblem("$", $"this is not valid JSON{where}")]);
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

    private static string EnclosingObject(string path)
    {
        var end = path.LastIndexOf('.');
        return end > 1 ? path[..end] : path;
    }
}
