using System.Globalization;

namespace LeadScoringStudio.Core.Leads;

/// <summary>
/// One typed attribute value. <see cref="Missing"/> is a real state: a blank form field is not the
/// same as "0" or "no", and criteria can ask for it explicitly ("is missing").
/// </summary>
public readonly record struct FieldValue
{
    private FieldValue(FieldType? type, string? text, double number, bool yes, DateOnly date)
    {
        Type = type;
        Text = text;
        Number = number;
        Yes = yes;
        Date = date;
    }

    /// <summary>The value's type, or null when the value is missing.</summary>
    public FieldType? Type { get; }

    public string? Text { get; }

    public double Number { get; }

    public bool Yes { get; }

    public DateOnly Date { get; }

    public bool IsMissing => Type is null;

    public static FieldValue Missing => default;

    public static FieldValue OfText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Missing : new(FieldType.Text, text, 0, false, default);

    public static FieldValue OfNumber(double number) =>
        double.IsFinite(number) ? new(FieldType.Number, null, number, false, default) : Missing;

    public static FieldValue OfYesNo(bool yes) => new(FieldType.YesNo, null, 0, yes, default);

    public static FieldValue OfDate(DateOnly date) => new(FieldType.Date, null, 0, false, date);

    /// <summary>The value as a person reads it; empty when missing.</summary>
    public override string ToString() => Type switch
    {
        FieldType.Text => Text!,
        FieldType.Number => Number.ToString(CultureInfo.InvariantCulture),
        FieldType.YesNo => Yes ? "yes" : "no",
        FieldType.Date => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => "",
    };
}
