namespace LeadScoringStudio.Core.Warehouse;

/// <summary>Spark SQL 3.4 or later. Checked for syntax only: there is no Spark to run it here.</summary>
internal sealed class SparkSqlDialect : SqlDialect
{
    public override string Key => "spark";

    public override string Name => "Spark SQL";

    public override string DoubleType => "DOUBLE";

    public override string TextType => "STRING";

    public override string AsOfHelp =>
        "spark.sql(sql, args={'as_of': '2026-12-01 00:00:00'})  -- the scoring moment, UTC, as a named parameter";

    public override string AsOf => TimestampFromText(":as_of");

    public override string TimestampFromText(string text) => $"CAST({text} AS TIMESTAMP)";

    public override string Identifier(string name) => $"`{name.Replace("`", "``", StringComparison.Ordinal)}`";

    // Spark reads backslash escapes in string literals.
    public override string Text(string value) =>
        $"'{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'";

    // In parentheses: Spark's grammar reads "(a - f(" as the start of a hyphenated name.
    public override string EpochMicroseconds(string timestamp) => $"(unix_micros({timestamp}))";

    public override string Quotient(string dividend, string divisor) => $"({dividend}) div ({divisor})";

    public override string Truncate(string value) => $"CAST({value} AS BIGINT)";

    public override string SumInOrder(string value, string order) =>
        $"aggregate(transform(array_sort(collect_list(named_struct('place', {order}, 'value', {value}))), " +
        "pair -> pair.value), " +
        "CAST(0 AS DOUBLE), (total, next) -> total + next)";

    public override string Property(string json, string name) => $"get_json_object({json}, '$.{name}')";

    // Spark's chr() gives only the first 256 characters; its string literals read \u escapes.
    public override string Whitespace =>
        "'" + string.Concat(WhitespaceCodePoints.Select(c => $"\\u{c:X4}")) + "'";

    public override string Trim(string text, string characters) => $"trim(BOTH {characters} FROM {text})";

    public override string MatchesWhole(string text, string pattern) => $"({text} RLIKE {Text($"^{pattern}$")})";

    public override string FiniteDouble(string numberText) =>
        $"CASE WHEN {IsFinite($"try_cast({numberText} AS DOUBLE)")} THEN try_cast({numberText} AS DOUBLE) END";

    public override string IsFinite(string value) =>
        $"(NOT isnan({value}) AND abs({value}) < CAST('Infinity' AS DOUBLE))";

    public override string Position(string part, string text) => $"instr({text}, {part})";
}
