namespace LeadScoringStudio.Core.Models;

/// <summary>One thing wrong with a model, where it is (a JSON path such as $.criteria[3].points) and why.</summary>
public sealed record ModelProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
