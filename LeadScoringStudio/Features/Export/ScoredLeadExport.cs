using LeadScoringStudio.Core.Export;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Api;
using LeadScoringStudio.Features.Leads;

namespace LeadScoringStudio.Features.Export;

/// <summary>The stored leads scored by the published version, each with the stage its lifecycle recorded, as export
/// rows.</summary>
public sealed class ScoredLeadExport(PublishedModels published, LeadLibrary library, SalesQueueRepository lifecycle,
    TimeProvider time)
{
    /// <summary>The published version's number and the rows; null while nothing is published.</summary>
    public async Task<(int Version, IReadOnlyList<ExportedLead> Rows)?> RowsAsync()
    {
        if (await published.GetAsync() is not { } model)
        {
            return null;
        }

        var leads = await library.GetAsync();
        var stages = await lifecycle.StagesAsync();
        var asOf = time.GetUtcNow();
        var scorer = new LeadScorer(model.Model);
        return (model.Number, leads.Leads.Select(l => new ExportedLead(l.Lead, scorer.Score(l.Lead, asOf),
            stages.TryGetValue(l.Lead.Id, out var stage) ? stage : null)).ToList());
    }
}
