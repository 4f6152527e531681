using LeadScoringStudio.Core.Json;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Warehouse;

/// <summary>The scoring query's last steps: the lines added up per dimension and category, the three biggest reasons,
/// the caps and limits, the grades and the output row.</summary>
internal sealed partial class ScoringQuery
{
    private string LeadSums()
    {
        var fitLines = Lines(c => c.Dimension == Dimension.Fit).Append(CompletenessLine);
        var engagementLines = Lines(c => c.Dimension == Dimension.Engagement).Append(InactivityLine);
        var sums = new List<string> { Sum(fitLines, "fit_points"), Sum(engagementLines, "engagement_points") };
        for (var c = 0; c < _model.Categories.Count; c++)
        {
            var id = _model.Categories[c].Id;
            sums.Add(Sum(Lines(k => k.Category == id), $"category_{c}"));
            sums.Add(Sum(Lines(k => k.Category == id && k.Dimension == Dimension.Engagement),
                $"category_{c}_engagement"));
        }

        return "SELECT lead_id,\n    " + string.Join(",\n    ", sums) + "\nFROM lead_points\nGROUP BY lead_id";

        static string Sum(IEnumerable<int> lines, string name) =>
            lines.Any()
                ? $"sum(CASE WHEN line IN ({string.Join(", ", lines)}) THEN points ELSE 0 END) AS {name}"
                : $"0 AS {name}";
    }

    private IEnumerable<int> Lines(Func<Criterion, bool> where) =>
        _model.Criteria.Select((c, k) => (c, k)).Where(p => where(p.c)).Select(p => p.k);

    private string ReasonTexts()
    {
        var labels = _model.Criteria.Select((c, k) => (k, c.Label))
            .Append((InactivityLine, "Inactivity"))
            .Append((CompletenessLine, "Data completeness"))
            .Select(p => $"\n        WHEN {p.Item1} THEN {_dialect.Text(p.Item2)}");
        return $"SELECT lead_id, place,\n    concat(CASE line{string.Concat(labels)}\n    END, ' ', " +
               $"CASE WHEN points > 0 THEN '+' ELSE '' END, CAST(points AS {_dialect.TextType})) AS reason\n" +
               "FROM reason_places\nWHERE place <= 3";
    }

    private string LeadTotals()
    {
        var columns = new List<string>
        {
            "coalesce(s.fit_points, 0) AS fit_points", "coalesce(s.engagement_points, 0) AS engagement_points",
        };
        for (var c = 0; c < _model.Categories.Count; c++)
        {
            columns.Add($"coalesce(s.category_{c}, 0) AS category_{c}");
            columns.Add($"coalesce(s.category_{c}_engagement, 0) AS category_{c}_engagement");
        }

        for (var d = 0; d < _model.Disqualifiers.Count; d++)
        {
            columns.Add(_model.Disqualifiers[d].When switch
            {
                AttributeCondition condition =>
                    $"CASE WHEN {AttributeTest(condition)} THEN 1 ELSE 0 END AS disqualifier_{d}",
                _ => $"coalesce(f.disqualifier_{d}, 0) AS disqualifier_{d}",
            });
        }

        columns.Add("coalesce(r.reasons, '') AS reasons");
        return "SELECT l.lead_id,\n    " + string.Join(",\n    ", columns) +
               "\nFROM lead_rows AS l\nLEFT JOIN lead_sums AS s ON s.lead_id = l.lead_id\n" +
               "LEFT JOIN activity_facts AS f ON f.lead_id = l.lead_id\n" +
               "LEFT JOIN top_reasons AS r ON r.lead_id = l.lead_id";
    }

    private string CategoryExcess() => "SELECT *" + string.Concat(_model.Categories.Select((category, c) =>
        $",\n    {(category.Cap is { } cap ? $"greatest(category_{c} - {cap}, 0)" : "0")} AS excess_{c}")) +
        "\nFROM lead_totals";

    private string CategoryCuts() => "SELECT *" + string.Concat(_model.Categories.Select((_, c) =>
        $",\n    least(excess_{c}, greatest(category_{c}_engagement, 0)) AS from_engagement_{c}")) +
        "\nFROM category_excess";

    private string DimensionScores()
    {
        var fitCuts = string.Concat(_model.Categories.Select((_, c) => $" - (excess_{c} - from_engagement_{c})"));
        var engagementCuts = string.Concat(_model.Categories.Select((_, c) => $" - from_engagement_{c}"));
        var engagement = SqlArithmetic.Limit($"engagement_points{engagementCuts}", _model.Limits.Engagement);
        return $"SELECT *,\n    {SqlArithmetic.Limit($"fit_points{fitCuts}", _model.Limits.Fit)} AS fit,\n" +
               $"    {engagement} AS engagement\nFROM category_cuts";
    }

    private string Graded()
    {
        var disqualified = _model.Disqualifiers.Count == 0
            ? "FALSE"
            : string.Join(" OR ", _model.Disqualifiers.Select((_, d) => $"disqualifier_{d} = 1"));
        return $"SELECT *,\n    {SqlArithmetic.Limit("fit + engagement", _model.Limits.Total)} AS total,\n" +
               $"    {Grade("fit", _model.FitBands, "1", "2", "3", "4")} AS fit_grade,\n" +
               $"    {Grade("engagement", _model.EngagementBands, "'A'", "'B'", "'C'", "'D'")} AS engagement_grade,\n" +
               $"    ({disqualified}) AS disqualified\nFROM dimension_scores";
    }

    private static string Grade(string score, GradeBands bands, params string[] grades) =>
        $"CASE WHEN {score} >= {bands.First} THEN {grades[0]} WHEN {score} >= {bands.Second} THEN {grades[1]} " +
        $"WHEN {score} >= {bands.Third} THEN {grades[2]} ELSE {grades[3]} END";

    private string Output()
    {
        var cell = $"concat(engagement_grade, CAST(fit_grade AS {_dialect.TextType}))";
        var mql = _model.MqlCells.Count == 0
            ? "FALSE"
            : $"(NOT disqualified AND {cell} IN ({string.Join(", ", _model.MqlCells.Select(c => $"'{c}'"))}))";
        var actions = string.Concat(Cell.All.Select(c =>
            $" WHEN '{c}' THEN {_dialect.Text(_model.ActionFor(c).Label)}"));
        var routes = string.Concat(Cell.All.Select(c =>
            $" WHEN '{c}' THEN '{EnumNames.Of(_model.ActionFor(c).Route)}'"));
        var disqualifiedRoute = EnumNames.Of(CellAction.Disqualified.Route);
        var reasons = string.Join(", ", _model.Disqualifiers.Select((d, i) =>
            $"CASE WHEN disqualifier_{i} = 1 THEN {_dialect.Text(d.Reason)} END"));
        var topReasons = _model.Disqualifiers.Count == 0
            ? "reasons"
            : $"CASE WHEN disqualified THEN concat('Disqualified: ', concat_ws(', ', {reasons})) ELSE reasons END";
        var categories = _model.Categories.Select((category, c) =>
            $",\n    CAST(category_{c} - excess_{c} AS INTEGER) AS {_dialect.Identifier($"category_{category.Id}")}");
        return "SELECT lead_id,\n" +
               "    CAST(fit AS INTEGER) AS fit,\n    CAST(engagement AS INTEGER) AS engagement,\n" +
               "    CAST(total AS INTEGER) AS total,\n    fit_grade,\n    engagement_grade,\n" +
               $"    {cell} AS cell,\n    {mql} AS mql,\n    disqualified,\n" +
               $"    CASE WHEN disqualified THEN {_dialect.Text(CellAction.Disqualified.Label)} " +
               $"ELSE CASE {cell}{actions} END END AS action,\n" +
               $"    CASE WHEN disqualified THEN '{disqualifiedRoute}' ELSE CASE {cell}{routes} END END AS route,\n" +
               $"    {topReasons} AS top_reasons" + string.Concat(categories) + "\nFROM graded";
    }
}
