namespace LeadScoringStudio.Core.Warehouse;

/// <summary>PostgreSQL 14 or later (where extract gives exact numeric seconds), in a UTF-8 database.</summary>
internal sealed class PostgreSqlDialect : SqlDialect
{
    private const string LargestDouble = "1.7976931348623157e308";

    public override string Key => "postgresql";

    public override string Name => "PostgreSQL";

    public override string DoubleType => "double precision";

    public override string TextType => "text";

    public override string AsOfHelp =>
        "SET lead_scoring.as_of = '2026-12-01T00:00:00Z';  -- the scoring moment, with its offset";

    public override string AsOf => TimestampFromText("current_setting('lead_scoring.as_of')");

    public override string TimestampFromText(string text) => $"CAST({text} AS timestamptz)";

    public override string Identifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    // extract(epoch ...) is numeric with the microseconds exact.
    public override string EpochMicroseconds(string timestamp) =>
        $"CAST(extract(epoch FROM {timestamp}) * 1000000 AS bigint)";

    public override string Quotient(string dividend, string divisor) => $"div({dividend}, {divisor})";

    public override string Truncate(string value) => $"trunc({value})";

    // sum(double precision) adds its input in order, and an aggregate's ORDER BY fixes that order.
    public override string SumInOrder(string value, string order) => $"sum({value} ORDER BY {order})";

    public override string Property(string json, string name) => $"(CAST({json} AS jsonb) ->> '{name}')";

    public override string Trim(string text, string characters) => $"btrim({text}, {characters})";

    public override string MatchesWhole(string text, string pattern) => $"({text} ~ {Text($"^{pattern}$")})";

    // A cast to double precision fails instead of giving infinity, so the size is checked as numeric first.
    public override string FiniteDouble(string numberText) =>
        $"CASE WHEN abs(CAST({numberText} AS numeric)) <= {LargestDouble} " +
        $"THEN CAST({numberText} AS double precision) END";

    public override string IsFinite(string value) => $"(abs({value}) < CAST('Infinity' AS double precision))";

    public override string Position(string part, string text) => $"strpos({text}, {part})";
}
