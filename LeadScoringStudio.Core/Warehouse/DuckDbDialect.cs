namespace LeadScoringStudio.Core.Warehouse;

/// <summary>DuckDB 1.x: the dialect the parity tests run.</summary>
internal sealed class DuckDbDialect : SqlDialect
{
    public override string Key => "duckdb";

    public override string Name => "DuckDB";

    public override string DoubleType => "DOUBLE";

    public override string TextType => "VARCHAR";

    public override string AsOfHelp =>
        "SET VARIABLE as_of = TIMESTAMP '2026-12-01 00:00:00';  -- the scoring moment, UTC";

    public override string AsOf => "getvariable('as_of')";

    public override string TimestampFromText(string text) => $"CAST({text} AS TIMESTAMPTZ)";

    public override string Identifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public override string EpochMicroseconds(string timestamp) => $"epoch_us({timestamp})";

    public override string Quotient(string dividend, string divisor) => $"({dividend}) // ({divisor})";

    public override string Truncate(string value) => $"trunc({value})";

    public override string SumInOrder(string value, string order) =>
        $"list_reduce(list({value} ORDER BY {order}), lambda total, next: total + next)";

    public override string Property(string json, string name) => $"json_extract_string({json}, '$.{name}')";

    public override string Trim(string text, string characters) => $"trim({text}, {characters})";

    public override string MatchesWhole(string text, string pattern) => $"regexp_full_match({text}, {Text(pattern)})";

    public override string FiniteDouble(string numberText) =>
        $"CASE WHEN isfinite(TRY_CAST({numberText} AS DOUBLE)) THEN TRY_CAST({numberText} AS DOUBLE) END";

    public override string IsFinite(string value) => $"isfinite({value})";

    public override string Position(string part, string text) => $"strpos({text}, {part})";
}
