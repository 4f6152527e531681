namespace LeadScoringStudio.Core.Models;

/// <summary>One thing wrong with a model, where it is (a JSON path such as $.criteria[3].points) and why.</summary>
public sealed record ModelProblem(string Path, string Message)
{
    /// <summary>True when the problem is at <paramref name="path"/> or inside it (e.g. $.criteria[3].decay.days is within $.criteria[3]).</summary>
    public bool IsWithin(string path) =>
        Path == path || Path.StartsWith(path + ".", StringComparison.Ordinal) || Path.StartsWith(path + "[", StringComparison.Ordinal);

    public override string ToString() => $"{Path}: {Message}";
}
