using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Warehouse;

/// <summary>
/// The scoring query of one model: common table expressions, each one step of <see cref="Scoring.LeadScorer"/>, from
/// the mapped tables to one row per lead. Line numbers are the explanation's order: the criteria in the model's order,
/// then inactivity, then completeness.
/// </summary>
internal sealed partial class ScoringQuery
{
    private const long MicrosecondsPerDay = 86_400_000_000;

    private readonly ScoringModel _model;
    private readonly WarehouseMapping _mapping;
    private readonly SqlDialect _dialect;
    private readonly SqlInputs _inputs;
    private readonly ConditionSql _conditions;
    private readonly Dictionary<string, (FieldDefinition Field, int Index)> _fields =
        new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _properties = new(StringComparer.OrdinalIgnoreCase);

    public ScoringQuery(ScoringModel model, WarehouseMapping mapping, SqlDialect dialect, SqlInputs inputs)
    {
        _model = model;
        _mapping = mapping;
        _dialect = dialect;
        _inputs = inputs;
        _conditions = new ConditionSql(dialect);
        var fieldIndex = model.Fields.Select((f, i) => (f, i))
            .DistinctBy(p => p.f.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(p => p.f.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var name in ModelReads.Fields(model))
        {
            _fields[name] = fieldIndex[name];
        }

        foreach (var name in ModelReads.Properties(model))
        {
            _properties.TryAdd(name, _properties.Count);
        }
    }

    private int InactivityLine => _model.Criteria.Count;

    private int CompletenessLine => _model.Criteria.Count + 1;

    private IEnumerable<(ActivityCriterion Criterion, int Line)> ActivityCriteria =>
        _model.Criteria.Select((c, k) => (c as ActivityCriterion, k)).Where(p => p.Item1 is not null)!;

    public string Write()
    {
        var steps = new List<string>();
        void Step(string name, string comment, string body) =>
            steps.Add($"-- {comment}\n{name} AS (\n{Indent(body)}\n)");

        Step("scoring_moment",
            "The moment scored at, in microseconds since 1970 UTC, and the characters trimmed from text",
            $"SELECT {_dialect.EpochMicroseconds(_inputs.AsOf)} AS as_of_us, {_dialect.Whitespace} AS whitespace");
        Step("lead_rows", "One row per lead with the fields the model reads; missing is NULL", LeadRows());
        Step("activity_rows", "Activities up to the scoring moment, with their age in whole days", ActivityRows());
        Step("activity_values", "The properties the criteria filter on, trimmed and in lower case", ActivityValues());
        var hasActivityCriteria = ActivityCriteria.Any();
        if (hasActivityCriteria)
        {
            Step("activity_matches", "Each activity an activity criterion matches inside its window, with its decay",
                ActivityMatches());
            Step("counted_matches", "Matches numbered newest first, per lead and criterion",
                "SELECT lead_id, criterion, factor,\n" +
                "    row_number() OVER (PARTITION BY lead_id, criterion ORDER BY occurred_us DESC) AS occurrence\n" +
                "FROM activity_matches");
            Step("activity_evidence",
                "The decay factors of the matches counted, added newest first as the core adds them",
                ActivityEvidence());
        }

        Step("activity_facts", "Per lead: days since the last activity, and the activity disqualifiers",
            ActivityFacts());
        Step("lead_points", "Each line of a lead's explanation with its final points", LeadPoints(hasActivityCriteria));
        Step("lead_sums", "Points per dimension and per category", LeadSums());
        Step("reason_places", "The lines that moved the score, biggest first",
            "SELECT lead_id, line, points,\n" +
            "    row_number() OVER (PARTITION BY lead_id ORDER BY abs(points) DESC, line) AS place\n" +
            "FROM lead_points\nWHERE points <> 0");
        Step("reason_texts", "The three biggest, as the scored-leads export words them", ReasonTexts());
        Step("top_reasons", "Joined, biggest first", "SELECT lead_id, concat_ws('; ', " +
            string.Join(", ", Enumerable.Range(1, 3).Select(p => $"max(CASE WHEN place = {p} THEN reason END)")) +
            ") AS reasons\nFROM reason_texts\nGROUP BY lead_id");
        Step("lead_totals", "Every lead with its sums, disqualifiers and reasons", LeadTotals());
        Step("category_excess", "What each capped category counts above its cap", CategoryExcess());
        Step("category_cuts", "A cap takes its excess from the category's engagement points first, then from fit",
            CategoryCuts());
        Step("dimension_scores", "Fit and engagement after the caps, within their limits", DimensionScores());
        Step("graded", "The total within its limit, and the grades", Graded());
        return "WITH\n" + string.Join(",\n", steps) + "\n" + Output();
    }

    private string LeadRows()
    {
        var columns = _fields.Values.OrderBy(f => f.Index).SelectMany(f => FieldColumns(f.Field, f.Index));
        return $"SELECT l.{_dialect.Identifier(_mapping.LeadIdColumn)} AS lead_id" +
               string.Concat(columns.Select(c => $",\n    {c}")) +
               $"\nFROM {_inputs.LeadsTable} AS l\nCROSS JOIN scoring_moment AS m";
    }

    private IEnumerable<string> FieldColumns(FieldDefinition field, int index)
    {
        var column = $"l.{_dialect.Identifier(_mapping.ColumnOf(field.Name))}";
        var comment = $"-- {OneLine(field.Name)}\n    ";
        switch (field.Type)
        {
            case FieldType.Number:
                var number = $"CAST({column} AS {_dialect.DoubleType})";
                yield return $"{comment}CASE WHEN {_dialect.IsFinite(number)} THEN {number} END AS f{index}";
                break;
            case FieldType.YesNo:
                yield return $"{comment}CAST({column} AS BOOLEAN) AS f{index}";
                break;
            case FieldType.Date:
                yield return $"{comment}CAST({column} AS DATE) AS f{index}";
                break;
            default:
                yield return $"{comment}{KeyOf(column, "m.whitespace")} AS f{index}_key";
                yield return $"lower({column}) AS f{index}_text";
                break;
        }
    }

    /// <summary>Text trimmed and in lower case; NULL when nothing is left, as the core reads blank text as
    /// missing.</summary>
    private string KeyOf(string text, string whitespace) => $"NULLIF(lower({_dialect.Trim(text, whitespace)}), '')";

    private string ActivityRows()
    {
        var occurred = _dialect.EpochMicroseconds($"a.{_dialect.Identifier(_mapping.OccurredAtColumn)}");
        var json = $"a.{_dialect.Identifier(_mapping.PropertiesColumn)}";
        var properties = _properties.Select(p =>
            $",\n    -- {p.Key.ToLowerInvariant()}\n    " +
            $"{_dialect.Property(json, p.Key.ToLowerInvariant())} AS p{p.Value}_raw");
        var age = _dialect.Quotient($"m.as_of_us - {occurred}", MicrosecondsPerDay.ToString());
        return $"SELECT a.{_dialect.Identifier(_mapping.ActivityLeadIdColumn)} AS lead_id,\n" +
               $"    lower(a.{_dialect.Identifier(_mapping.ActivityTypeColumn)}) AS activity_type,\n" +
               $"    {occurred} AS occurred_us,\n" +
               $"    CAST({age} AS BIGINT) AS age_days,\n" +
               "    m.whitespace" + string.Concat(properties) +
               $"\nFROM {_inputs.ActivitiesTable} AS a\nCROSS JOIN scoring_moment AS m\nWHERE {occurred} <= m.as_of_us";
    }

    private string ActivityValues()
    {
        var values = _properties.Values.Select(p =>
            $",\n    {KeyOf($"p{p}_raw", "whitespace")} AS p{p}_key," +
            $" lower(p{p}_raw) AS p{p}_text");
        return "SELECT lead_id, activity_type, occurred_us, age_days" + string.Concat(values) + "\nFROM activity_rows";
    }

    private string ActivityMatches() => string.Join("\nUNION ALL\n", ActivityCriteria.Select(p =>
    {
        var (criterion, line) = p;
        var window = criterion.LookbackDays is { } days ? $" AND age_days < {days}" : "";
        return $"-- {OneLine(criterion.Id)}: {OneLine(criterion.Label)}\n" +
               $"SELECT lead_id, {line} AS criterion, occurred_us, {Factor(criterion.Decay)} AS factor\n" +
               $"FROM activity_values\nWHERE {ActivityTest(criterion.When)}{window}";
    }));

    private string ActivityEvidence()
    {
        var limited = ActivityCriteria.Where(p => p.Criterion.MaxOccurrences is not null).ToList();
        var limit = limited.Count == 0
            ? ""
            : "\nWHERE occurrence <= CASE criterion " +
              string.Concat(limited.Select(p => $"WHEN {p.Line} THEN {p.Criterion.MaxOccurrences} ")) +
              "ELSE occurrence END";
        return $"SELECT lead_id, criterion, {_dialect.SumInOrder("factor", "occurrence")} AS factor_sum\n" +
               $"FROM counted_matches{limit}\nGROUP BY lead_id, criterion";
    }

    private string ActivityFacts()
    {
        var disqualifiers = _model.Disqualifiers.Select((d, i) => (d.When, i)).Where(p => p.When is ActivityCondition)
            .Select(p => $",\n    max(CASE WHEN {ActivityTest((ActivityCondition)p.When)} THEN 1 ELSE 0 END) " +
                         $"AS disqualifier_{p.i}");
        return "SELECT lead_id, min(age_days) AS idle_days" + string.Concat(disqualifiers) +
               "\nFROM activity_values\nGROUP BY lead_id";
    }

    private string LeadPoints(bool hasActivityCriteria)
    {
        var parts = new List<string>();
        foreach (var (criterion, line) in _model.Criteria.Select((c, k) => (c as AttributeCriterion, k)))
        {
            if (criterion is { Points: not 0 })
            {
                parts.Add($"-- {OneLine(criterion.Id)}: {OneLine(criterion.Label)}\n" +
                          $"SELECT lead_id, {line} AS line, CAST({criterion.Points} AS BIGINT) AS points\n" +
                          $"FROM lead_rows\nWHERE {ConditionSql.All(criterion.Conditions.Select(AttributeTest))}");
            }
        }

        if (hasActivityCriteria)
        {
            var points = string.Concat(ActivityCriteria.Select(p =>
                $"\n        WHEN {p.Line} THEN {SqlArithmetic.Final(p.Criterion, "factor_sum", _dialect)}"));
            parts.Add("SELECT lead_id, criterion AS line, " +
                      $"CAST(CASE criterion{points}\n    END AS BIGINT) AS points\nFROM activity_evidence");
        }

        if (_model.Inactivity is { } rule)
        {
            var raw = rule.PeriodDays > 0
                ? $"{_dialect.Quotient("idle_days", rule.PeriodDays.ToString())} * {rule.Points}"
                : "0";
            parts.Add($"-- Inactivity: {rule.Points} per {rule.PeriodDays} days since the last activity, " +
                      $"never below {rule.Floor}\n" +
                      $"SELECT lead_id, {InactivityLine} AS line, CAST(greatest({raw}, {rule.Floor}) AS BIGINT) " +
                      "AS points\nFROM activity_facts");
        }

        if (_model.Completeness is { Fields.Count: > 0 } completeness)
        {
            var present = string.Join(" + ", completeness.Fields.Select(f =>
                $"CASE WHEN {ValueOf(f).Key} IS NOT NULL THEN 1 ELSE 0 END"));
            var share = $"CAST({completeness.Points} AS {_dialect.DoubleType}) * ({present}) / " +
                        $"{completeness.Fields.Count}";
            parts.Add($"-- Data completeness: up to {completeness.Points} points\n" +
                      $"SELECT lead_id, {CompletenessLine} AS line, " +
                      $"CAST({SqlArithmetic.RoundAwayFromZero(share, _dialect)} AS BIGINT) AS points\nFROM lead_rows");
        }

        if (parts.Count == 0)
        {
            parts.Add("SELECT lead_id, 0 AS line, CAST(0 AS BIGINT) AS points\nFROM lead_rows\nWHERE FALSE");
        }

        return string.Join("\nUNION ALL\n", parts);
    }

    private string AttributeTest(AttributeCondition condition) =>
        _conditions.Of(condition.Operator, condition.Values, ValueOf(condition.Field));

    private ValueRef ValueOf(string field)
    {
        var (definition, index) = _fields[field];
        return definition.Type == FieldType.Text
            ? new ValueRef(FieldType.Text, $"f{index}_key", $"f{index}_text")
            : new ValueRef(definition.Type, $"f{index}");
    }

    private string ActivityTest(ActivityCondition condition) =>
        ConditionSql.All(condition.Filters.Select(filter =>
        {
            var p = _properties[filter.Property];
            return _conditions.Of(filter.Operator, filter.Values,
                new ValueRef(FieldType.Text, $"p{p}_key", $"p{p}_text"));
        }).Prepend($"activity_type = {_dialect.Text(condition.ActivityType.ToLowerInvariant())}"));

    /// <summary><see cref="Decay.Factor"/> of the activity's age.</summary>
    private string Factor(Decay decay)
    {
        var (age, one) = ($"CAST(age_days AS {_dialect.DoubleType})", $"CAST(1 AS {_dialect.DoubleType})");
        return decay switch
        {
            { Kind: DecayKind.HalfLife, Days: > 0 } =>
                $"power(CAST(0.5 AS {_dialect.DoubleType}), {age} / {decay.Days})",
            { Kind: DecayKind.Linear, Days: > 0 } =>
                $"greatest(CAST(0 AS {_dialect.DoubleType}), {one} - {age} / {decay.Days})",
            _ => one,
        };
    }

    private static string Indent(string body) => "    " + body.Replace("\n", "\n    ", StringComparison.Ordinal);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
