namespace LeadScoringStudio.Core.Changes;

/// <summary>
/// One difference between two models in plain words. <see cref="Path"/> says where (e.g.
/// <c>criteria[pricing-page].maxPoints</c>); <see cref="CriterionId"/> is set when it concerns a criterion.
/// </summary>
public sealed record ModelChange(string Path, string Text)
{
    public string? CriterionId =>
        Path.StartsWith("criteria[", StringComparison.Ordinal) ? Path[9..Path.IndexOf(']', StringComparison.Ordinal)] : null;
}
