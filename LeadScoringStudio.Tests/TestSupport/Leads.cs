using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>Builds leads for tests: <c>Leads.With(("seniority", "VP")).Did("page_visit", 3, ("url", "/pricing"))</c>.</summary>
internal static class Leads
{
    public static readonly DateTimeOffset AsOf = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static Lead With(params (string Field, object? Value)[] attributes) =>
        new("lead-1", attributes.ToDictionary(a => a.Field, a => ToValue(a.Value), StringComparer.OrdinalIgnoreCase), []);

    public static Lead Did(this Lead lead, string type, int daysAgo, params (string Key, string Value)[] properties) =>
        lead with
        {
            Activities = [.. lead.Activities, new Activity(type, AsOf.AddDays(-daysAgo).AddMinutes(-5), properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase))],
        };

    private static FieldValue ToValue(object? value) => value switch
    {
        null => FieldValue.Missing,
        string text => FieldValue.OfText(text),
        bool yes => FieldValue.OfYesNo(yes),
        DateOnly date => FieldValue.OfDate(date),
        IConvertible number => FieldValue.OfNumber(Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"No field value for {value}"),
    };
}
