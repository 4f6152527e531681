using System.Globalization;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Export;

/// <summary>A lead with its segment, the model version that scored it (e.g. "enterprise v3"), its score and its
/// recorded stage (null before the lifecycle first saw it), as one export row.</summary>
public sealed record ExportedLead(Lead Lead, string Segment, string Model, LeadScore Score, Stage? Stage);

/// <summary>Scored leads as CSV for a CRM or a spreadsheet: id, contact, scores, cell, action, stage, segment and
/// model, and the three biggest reasons.</summary>
public static class ScoredLeadCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "id", "name", "email", "company", "score", "fit", "engagement", "cell", "action", "mql", "stage", "segment",
        "model", "top_reasons",
    ];

    /// <summary>Writes the header and a row per lead as the leads come, so a download of many leads streams.</summary>
    public static async Task WriteAsync(TextWriter writer, IEnumerable<ExportedLead> leads,
        CancellationToken cancellationToken = default)
    {
        await writer.WriteAsync(CsvCell.Row(Header) + "\r\n");
        foreach (var (lead, segment, model, score, stage) in leads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(CsvCell.Row(
            [
                CsvCell.Of(lead.Id), CsvCell.Of(lead.Name), CsvCell.Of(lead.Email), CsvCell.Of(lead.Company),
                CsvCell.Of(score.Total), CsvCell.Of(score.Fit), CsvCell.Of(score.Engagement),
                CsvCell.Of(score.IsDisqualified ? "disqualified" : score.Cell.ToString()),
                    CsvCell.Of(score.Action.Label),
                score.IsMql ? "yes" : "no", CsvCell.Of(stage?.ToString() ?? ""), CsvCell.Of(segment), CsvCell.Of(model),
                CsvCell.Of(TopReasons(score)),
            ]) + "\r\n");
        }
    }

    /// <summary>The three criteria (or inactivity / completeness) that moved the score most, e.g. "Demo request +40;
    /// C-level or VP +20; Inactivity -50"; caps and limits are not reasons.</summary>
    public static string TopReasons(LeadScore score) =>
        score.IsDisqualified
            ? $"Disqualified: {string.Join(", ", score.DisqualificationReasons)}"
            : string.Join("; ", score.Explanation
                .Where(l => l.Final != 0
                    && l.Kind is LineKind.Criterion or LineKind.Inactivity or LineKind.Completeness)
                .OrderByDescending(l => Math.Abs(l.Final))
                .Take(3)
                .Select(l => $"{l.Label} {l.Final.ToString("+0;-0", CultureInfo.InvariantCulture)}"));
}
