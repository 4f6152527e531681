using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>A category's score for one lead, and whether it reached the category's watermark.</summary>
public sealed record CategoryScore(string CategoryId, string Label, int Score, bool IsHot);

/// <summary>
/// The score of one lead at one moment, with the explanation that adds up to it: the fit lines sum
/// to <see cref="Fit"/>, the engagement lines to <see cref="Engagement"/>, and all lines to
/// <see cref="Total"/>.
/// </summary>
public sealed record LeadScore(
    string LeadId,
    int Fit,
    int Engagement,
    int Total,
    ValueList<CategoryScore> Categories,
    Cell Cell,
    CellAction Action,
    bool IsMql,
    ValueList<string> DisqualificationReasons,
    ValueList<ExplanationLine> Explanation,
    DateTimeOffset? LastActivityAt)
{
    public bool IsDisqualified => DisqualificationReasons.Count > 0;

    public int FitGrade => Cell.FitGrade;

    public char EngagementGrade => Cell.EngagementGrade;

    public IEnumerable<CategoryScore> HotCategories => Categories.Where(c => c.IsHot);
}
