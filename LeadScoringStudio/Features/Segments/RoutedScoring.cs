using LeadScoringStudio.Core.Segments;
using LeadScoringStudio.Features.Workbench;

namespace LeadScoringStudio.Features.Segments;

/// <summary>The stored leads scored through the live routing, on the shared basis.</summary>
public sealed record RoutedView(ScoringBasis Basis, LiveRouting Live, RoutedScores Scores);

/// <summary>
/// Scores the stored leads through the live routing once per basis and routing, and shares the result with every
/// list, queue and export (each lead by its own segment's published model).
/// </summary>
public sealed class RoutedScoring(DraftScoring scoring, SegmentRoutes routes)
{
    private readonly Lock _gate = new();
    private (ScoringBasis Basis, LiveRouting Live, Task<RoutedView> View)? _kept;

    /// <summary>The shared routed scores; null when nothing is published yet.</summary>
    public async Task<RoutedView?> GetAsync()
    {
        if (await routes.GetAsync() is not { } live)
        {
            return null;
        }

        var basis = await scoring.BasisAsync();
        Task<RoutedView> view;
        lock (_gate)
        {
            if (_kept is not { } kept || !ReferenceEquals(kept.Basis.Leads.Batch, basis.Leads.Batch)
                || kept.Basis.AsOf != basis.AsOf || !ReferenceEquals(kept.Live, live))
            {
                _kept = (basis, live,
                    Task.Run(() => new RoutedView(basis, live, live.Routed.Score(basis.Leads.Batch, basis.AsOf))));
            }

            view = _kept.Value.View;
        }

        // A new outcome on the same columns keeps the scores; the basis carries the new outcomes.
        return await view with { Basis = basis };
    }
}
