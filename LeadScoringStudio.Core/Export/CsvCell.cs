using System.Globalization;

namespace LeadScoringStudio.Core.Export;

/// <summary>
/// One cell of an exported CSV file, safe to open in a spreadsheet: text that a spreadsheet would run as a
/// formula (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe, and cells
/// holding the delimiter, quotes or line breaks are quoted.
/// </summary>
public static class CsvCell
{
    public static string Of(string? text)
    {
        var value = text ?? "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    /// <summary>Numbers are written as they are (a negative score is a number, not a formula).</summary>
    public static string Of(int number) => number.ToString(CultureInfo.InvariantCulture);

    public static string Row(IEnumerable<string> cells) => string.Join(",", cells);
}
