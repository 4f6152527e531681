namespace LeadScoringStudio.Core.Warehouse;

/// <summary>
/// What differs between the SQL engines the compiler writes for. Each difference is one member here, so the
/// compiler itself writes one query for all of them.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Every character <see cref="string.Trim()"/> removes (<see cref="char.IsWhiteSpace(char)"/>), as code
    /// points: a value of only these is missing, and text compares after trimming them.</summary>
    protected static readonly int[] WhitespaceCodePoints =
    [
        9, 10, 11, 12, 13, 32, 0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
        0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
    ];

    public static SqlDialect DuckDb { get; } = new DuckDbDialect();

    public static SqlDialect PostgreSql { get; } = new PostgreSqlDialect();

    public static SqlDialect Spark { get; } = new SparkSqlDialect();

    public static IReadOnlyList<SqlDialect> All { get; } = [DuckDb, PostgreSql, Spark];

    /// <summary>The dialect with the given key (duckdb, postgresql, spark), in any case; null when there is
    /// none.</summary>
    public static SqlDialect? Find(string? key) =>
        All.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The name in addresses and files: duckdb, postgresql, spark.</summary>
    public abstract string Key { get; }

    /// <summary>The name people read: DuckDB, PostgreSQL, Spark SQL.</summary>
    public abstract string Name { get; }

    public abstract string DoubleType { get; }

    public abstract string TextType { get; }

    /// <summary>How to give the scoring moment before running the SQL, for the header comment.</summary>
    public abstract string AsOfHelp { get; }

    /// <summary>The scoring moment the caller set, as a timestamp expression.</summary>
    public abstract string AsOf { get; }

    /// <summary>A timestamp read from ISO text with its offset ("2026-12-01T00:00:00Z").</summary>
    public abstract string TimestampFromText(string text);

    /// <summary>A quoted identifier.</summary>
    public abstract string Identifier(string name);

    /// <summary>A string literal.</summary>
    public virtual string Text(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>Microseconds since 1970-01-01 UTC of a timestamp (a timestamp without zone counts as UTC).</summary>
    public abstract string EpochMicroseconds(string timestamp);

    /// <summary>The whole-number quotient of two non-negative integers.</summary>
    public abstract string Quotient(string dividend, string divisor);

    /// <summary>A double without its fraction, towards zero.</summary>
    public abstract string Truncate(string value);

    /// <summary>An aggregate: the values added one at a time in the given order, as the core adds decay factors (a
    /// sum in another order can differ in the last bit, and so round the other way).</summary>
    public abstract string SumInOrder(string value, string order);

    /// <summary>One property of the activity's JSON object as text; <paramref name="name"/> is letters, digits and
    /// underscores.</summary>
    public abstract string Property(string json, string name);

    /// <summary>The text of every <see cref="WhitespaceCodePoints"/> character: <c>chr(9) || chr(10) || …</c>
    /// </summary>
    public virtual string Whitespace => string.Join(" || ", WhitespaceCodePoints.Select(c => $"chr({c})"));

    /// <summary>The text without the given characters at its start and end.</summary>
    public abstract string Trim(string text, string characters);

    /// <summary>Whether the whole text matches a regular expression (the patterns used are the same in every
    /// engine).</summary>
    public abstract string MatchesWhole(string text, string pattern);

    /// <summary>A double read from text that already has the shape of a number; null when it is out of range.</summary>
    public abstract string FiniteDouble(string numberText);

    /// <summary>Whether a double is neither infinite nor NaN (the core treats those as missing).</summary>
    public abstract string IsFinite(string value);

    /// <summary>The 1-based position of <paramref name="part"/> in <paramref name="text"/>, 0 when absent.</summary>
    public abstract string Position(string part, string text);
}
