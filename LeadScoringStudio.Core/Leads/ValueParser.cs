using System.Globalization;

namespace LeadScoringStudio.Core.Leads;

/// <summary>Reads numbers, yes/no answers and dates written as text, independent of the machine's culture.</summary>
public static class ValueParser
{
    private static readonly string[] YesWords = ["yes", "y", "true", "1"];
    private static readonly string[] NoWords = ["no", "n", "false", "0"];

    public static bool TryParseNumber(string? text, out double number) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
        && double.IsFinite(number);

    public static bool TryParseYesNo(string? text, out bool yes)
    {
        var word = text?.Trim() ?? "";
        yes = YesWords.Contains(word, StringComparer.OrdinalIgnoreCase);
        return yes || NoWords.Contains(word, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>An ISO date (2026-05-01), also when a time follows it (2026-05-01T14:30:00Z, 2026-05-01 14:30): the
    /// date is kept.</summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        var trimmed = text?.Trim() ?? "";
        date = default;
        if (trimmed.Length > 10 && !DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out _))
        {
            return false;
        }

        return DateOnly.TryParseExact(trimmed.Length > 10 ? trimmed[..10] : trimmed, "yyyy-MM-dd",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>Reads text as a value of the given type; false when it is not one.</summary>
    public static bool TryParse(string? text, FieldType type, out FieldValue value)
    {
        value = FieldValue.Missing;
        switch (type)
        {
            case FieldType.Text:
                value = FieldValue.OfText(text);
                return true;
            case FieldType.Number when TryParseNumber(text, out var number):
                value = FieldValue.OfNumber(number);
                return true;
            case FieldType.YesNo when TryParseYesNo(text, out var yes):
                value = FieldValue.OfYesNo(yes);
                return true;
            case FieldType.Date when TryParseDate(text, out var date):
                value = FieldValue.OfDate(date);
                return true;
            default:
                return false;
        }
    }
}
