using LeadScoringStudio.Core.Export;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Features.Segments;

namespace LeadScoringStudio.Features.Export;

/// <summary>The stored leads, each scored by its segment's published model and with the stage its lifecycle recorded,
/// as export rows.</summary>
public sealed class ScoredLeadExport(SegmentRoutes routes, LeadLibrary library, SalesQueueRepository lifecycle,
    TimeProvider time)
{
    /// <summary>The rows, each scored as it is read (a download streams them); null while nothing is
    /// published.</summary>
    public async Task<IEnumerable<ExportedLead>?> RowsAsync()
    {
        if (await routes.GetAsync() is not { } live)
        {
            return null;
        }

        var leads = await library.GetAsync();
        var stages = await lifecycle.StagesAsync();
        var asOf = time.GetUtcNow();
        var scorers = live.Segments.Select(s => new LeadScorer(s.Published.Model)).ToList();
        return leads.Leads.Select(l =>
        {
            var segment = live.For(l.Lead);
            return new ExportedLead(l.Lead, segment.Segment.Name, segment.Version,
                scorers[segment.Index].Score(l.Lead, asOf),
                stages.TryGetValue(l.Lead.Id, out var stage) ? stage : null);
        });
    }
}
