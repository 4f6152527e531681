using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Workbench;

namespace LeadScoringStudio.Features.Models;

/// <summary>One side of a comparison: a model's latest published version or its draft, as the address writes it
/// ("enterprise" or "enterprise:draft").</summary>
public sealed record ComparedScoring(ModelEntry Model, bool Draft, ScoringModel Scoring, string Name)
{
    public string Choice => Draft ? $"{Model.Key}:draft" : Model.Key;
}

/// <summary>
/// Two scorings over the same leads: the second's grid against the first's, the leads that move, through the shared
/// <see cref="DraftScoring"/> (each pair scored once per server).
/// </summary>
public sealed class ModelComparison(ModelCatalog catalog, ModelRepository models, DraftScoring scoring)
{
    /// <summary>The choices offered: every live model, published and draft.</summary>
    public async Task<IReadOnlyList<(string Choice, string Name)>> ChoicesAsync() =>
        (await catalog.ListAsync()).SelectMany(m => new[]
        {
            (m.Key, $"{m.Name} · published"), ($"{m.Key}:draft", $"{m.Name} · draft"),
        }).ToList();

    /// <summary>The scoring a choice names; the default model's published version when it names none.</summary>
    public async Task<ComparedScoring?> ResolveAsync(string? choice)
    {
        var draft = choice?.EndsWith(":draft", StringComparison.Ordinal) == true;
        if (await catalog.ResolveAsync(draft ? choice![..^6] : choice) is not { } model)
        {
            return null;
        }

        var workspace = await models.LoadAsync(model.Id);
        return draft || workspace.Published is null
            ? new ComparedScoring(model, true, workspace.Draft.Model, $"{model.Name} (draft)")
            : new ComparedScoring(model, false, workspace.Published.Model,
                $"{model.Name} (v{workspace.Published.Number})");
    }

    /// <summary>The second scoring against the first over the stored leads.</summary>
    public async Task<(ScoringBasis Basis, DraftView View)> CompareAsync(ComparedScoring first,
        ComparedScoring second)
    {
        var basis = await scoring.BasisAsync();
        return (basis, await scoring.ViewAsync(basis, first.Scoring, second.Scoring));
    }
}
