using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Tuning;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Fields;
using LeadScoringStudio.Features.Leads;

namespace LeadScoringStudio.Features.Tuning;

/// <summary>What the suggestion learns to predict.</summary>
public enum TuningOutcome
{
    Converted,
    AcceptedBySales,
}

/// <summary>What tuning starts from: the stored leads with the outcome to learn, the field catalog, the shared draft
/// and the published version.</summary>
public sealed record TuningInputs(LeadSet Leads, TuningData Data, IReadOnlyList<CatalogField> Fields, DraftModel Draft,
    PublishedModel? Published);

/// <summary>Loads <see cref="TuningInputs"/>: outcomes as the one rule has them (sales' won or lost first), acceptance
/// from sales feedback, capacity from the SDR team.</summary>
public sealed class TuningInputsLoader(
    ModelRepository models, FeedbackRepository feedback, SalesQueueRepository team, LeadLibrary library,
        WorkspaceFields fields, TimeProvider time)
{
    /// <summary>The inputs for tuning a model (the default model when none is named).</summary>
    public async Task<TuningInputs> LoadAsync(TuningOutcome outcome, int? modelId = null)
    {
        var workspace = await models.LoadAsync(modelId ?? (await models.DefaultModelIdAsync())!.Value);
        var leads = await library.GetAsync();
        var accepted = outcome == TuningOutcome.AcceptedBySales
            ? await feedback.AcceptanceByLeadAsync()
            : new Dictionary<string, bool>();
        var outcomes = Enumerable.Range(0, leads.Count).Select(i => outcome == TuningOutcome.Converted
                ? leads.OutcomeAt(i).Outcome switch { LeadOutcome.Converted => true, LeadOutcome.NotConverted => false,
                    _ => (bool?)null }
                : accepted.TryGetValue(leads.IdAt(i), out var yes) ? yes : null)
            .ToList();
        var (members, perSdr) = await team.TeamAsync();
        var data = new TuningData(leads.Batch, outcomes,
            Enumerable.Range(0, leads.Count).Select(leads.Batch.FirstSeenAt).ToList(),
            time.GetUtcNow(), Math.Max(1, members.Count) * perSdr);
        return new TuningInputs(leads, data, await fields.FieldsAsync(), workspace.Draft, workspace.Published);
    }
}
