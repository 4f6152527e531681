using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Features.Leads;

namespace LeadScoringStudio.Features.Workbench.Preview;

/// <summary>
/// Quadrant figures shared by every circuit that shows the same scores over the same leads: thousands of boxed
/// points cost megabytes per copy, and every workbench on one stored draft version shows the very same
/// <see cref="BatchScores"/> (see <see cref="DraftScoring"/>). Figures are read-only once built.
/// </summary>
public sealed class QuadrantFigures
{
    private const int Kept = 8;

    private readonly Lock _gate = new();
    private readonly LinkedList<(ScoringModel Model, BatchScores Scores, LeadSet Leads, int? Selected,
        QuadrantFigure Figure)> _kept = [];

    public QuadrantFigure Of(ScoringModel model, BatchScores scores, LeadSet leads, int? selected)
    {
        lock (_gate)
        {
            foreach (var kept in _kept)
            {
                if (ReferenceEquals(kept.Scores, scores) && ReferenceEquals(kept.Leads, leads)
                    && kept.Selected == selected && kept.Model.Equals(model))
                {
                    return kept.Figure;
                }
            }
        }

        var figure = QuadrantFigure.Build(model, scores, leads, selected);
        lock (_gate)
        {
            _kept.AddFirst((model, scores, leads, selected, figure));
            while (_kept.Count > Kept)
            {
                _kept.RemoveLast();
            }
        }

        return figure;
    }
}
