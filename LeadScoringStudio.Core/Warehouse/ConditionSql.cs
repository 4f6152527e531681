using System.Globalization;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Warehouse;

/// <summary>
/// A value a condition reads, as the query prepares it: missing is NULL; text is <see cref="Key"/> (trimmed, lower
/// case, the form equality and numbers use) and <see cref="Text"/> (lower case as given, the form contains, starts
/// with and ends with use); other types are <see cref="Key"/> of their own SQL type.
/// </summary>
internal sealed record ValueRef(FieldType Type, string Key, string? Text = null);

/// <summary>
/// Writes one condition (an operator and its listed values) as a SQL boolean that is never NULL, with the meaning
/// <see cref="Scoring.ConditionMatcher"/> gives it: a missing value matches only "is missing"; text compares trimmed
/// and ignoring case; text that reads as a number compares as one for at least, at most and between.
/// </summary>
internal sealed class ConditionSql(SqlDialect dialect)
{
    /// <summary>The shape of a number <see cref="ValueParser.TryParseNumber"/> reads, once trimmed and in lower case
    /// (an exponent of up to four digits).</summary>
    public const string NumberPattern = "[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)(e[+-]?[0-9]{1,4})?";

    public string Of(Operator op, IReadOnlyList<string> values, ValueRef value) =>
        $"coalesce({Test(op, values, value)}, FALSE)";

    /// <summary>Every condition holds.</summary>
    public static string All(IEnumerable<string> conditions) => string.Join(" AND ", conditions);

    /// <summary>A text value read as a number, or NULL when it is not one.</summary>
    public string TextAsNumber(string key) =>
        $"CASE WHEN {dialect.MatchesWhole(key, NumberPattern)} THEN {dialect.FiniteDouble(key)} END";

    private string Test(Operator op, IReadOnlyList<string> values, ValueRef value) => op switch
    {
        Operator.IsMissing => $"{value.Key} IS NULL",
        Operator.IsPresent => $"{value.Key} IS NOT NULL",
        Operator.Equals or Operator.OneOf => EqualsAny(values, value),
        Operator.NotOneOf => $"({value.Key} IS NOT NULL AND NOT {EqualsAny(values, value)})",
        Operator.Contains => TextTest(values, value,
            listed => $"{dialect.Position(dialect.Text(listed), value.Text!)} > 0"),
        Operator.StartsWith => TextTest(values, value,
            listed => $"left({value.Text}, {Length(listed)}) = {dialect.Text(listed)}"),
        Operator.EndsWith => TextTest(values, value,
            listed => $"right({value.Text}, {Length(listed)}) = {dialect.Text(listed)}"),
        Operator.AtLeast => values.Count >= 1 ? Compare(value, ">=", values[0]) : "FALSE",
        Operator.AtMost => values.Count >= 1 ? Compare(value, "<=", values[0]) : "FALSE",
        Operator.Between => values.Count >= 2
            ? $"({Compare(value, ">=", values[0])} AND {Compare(value, "<=", values[1])})"
            : "FALSE",
        _ => "FALSE",
    };

    /// <summary>The value equals one of the listed values (a listed value that is not of the value's type equals
    /// nothing).</summary>
    private string EqualsAny(IReadOnlyList<string> values, ValueRef value)
    {
        var literals = values.Select(v => Literal(value.Type, v, forEquality: true)).OfType<string>().Distinct()
            .ToList();
        return literals.Count == 0 ? "FALSE" : $"{value.Key} IN ({string.Join(", ", literals)})";
    }

    /// <summary>Contains, starts with or ends with: the lower-case value as given against each lower-case listed
    /// value, when the value is there (blank text is missing, though it contains a space); an empty listed value
    /// matches any value that is there.</summary>
    private string TextTest(IReadOnlyList<string> values, ValueRef value, Func<string, string> test)
    {
        var listed = values.Select(v => v.ToLowerInvariant()).Distinct().ToList();
        return listed.Any(v => v.Length == 0)
            ? $"{value.Key} IS NOT NULL"
            : $"({value.Key} IS NOT NULL AND ({string.Join(" OR ", listed.Select(test))}))";
    }

    private string Compare(ValueRef value, string comparison, string bound)
    {
        var comparable = value.Type switch
        {
            FieldType.Number or FieldType.Date => value.Key,
            FieldType.Text => TextAsNumber(value.Key),
            _ => null,
        };
        var literal = value.Type == FieldType.Text
            ? Literal(FieldType.Number, bound, forEquality: false)
            : Literal(value.Type, bound, forEquality: false);
        return comparable is null || literal is null ? "FALSE" : $"{comparable} {comparison} {literal}";
    }

    /// <summary>A listed value as a literal of the value's type; null when it is not one.</summary>
    private string? Literal(FieldType type, string listed, bool forEquality) => type switch
    {
        FieldType.Text when forEquality => dialect.Text(listed.Trim().ToLowerInvariant()),
        FieldType.Number when ValueParser.TryParseNumber(listed, out var number) =>
            $"CAST('{number.ToString("R", CultureInfo.InvariantCulture)}' AS {dialect.DoubleType})",
        FieldType.YesNo when ValueParser.TryParseYesNo(listed, out var yes) => yes ? "TRUE" : "FALSE",
        FieldType.Date when ValueParser.TryParseDate(listed, out var date) =>
            $"DATE '{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'",
        _ => null,
    };

    /// <summary>The length SQL's left and right count: code points.</summary>
    private static int Length(string text) => text.EnumerateRunes().Count();
}
