using System.Globalization;
using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Import;

/// <summary>
/// A text in a column that seems to mean "no value", how often it appears, and why it seems so: a placeholder text, or
/// a number that stands apart from the rest (<see cref="IsSentinel"/>, such as 999 for "never").
/// </summary>
public sealed record MissingOffer(string Value, int Count, string Why, bool IsSentinel = false);

/// <summary>
/// What a column of a leads file seems to hold, read from all its cells: the type of its values (once texts that
/// mean "no value" are set aside), those texts, and whether every row has a different, non-empty value (so it could be
/// the lead id).
/// </summary>
public sealed record ColumnGuess(string Column, FieldType Type, IReadOnlyList<MissingOffer> MissingOffers,
    bool IsUnique)
{
    /// <summary>Texts that usually stand for a missing value in exports from CRMs and forms.</summary>
    private static readonly string[] PlaceholderWords =
    [
        "select", "unknown", "n/a", "na", "-", "--", "null", "none", "nan", "#n/a", "?", "(blank)", "blank", "undefined",
        "not provided", "not specified", "not available", "not known", "no value",
    ];

    public static IReadOnlyList<ColumnGuess> Of(CsvTable table, ImportOptions options) =>
        Enumerable.Range(0, table.Columns.Count).AsParallel().AsOrdered()
            .Select(i => Of(table.Columns[i], table.Rows.Select(r => r.Cells[i]).ToList(), options))
            .ToList();

    public static ColumnGuess Of(string column, IReadOnlyList<string> cells, ImportOptions options)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var empty = 0;
        foreach (var cell in cells)
        {
            var text = cell.Trim();
            if (text.Length == 0)
            {
                empty++;
                continue;
            }

            counts[text] = counts.GetValueOrDefault(text) + 1;
        }

        var offers = counts.Where(c => PlaceholderWords.Contains(c.Key, StringComparer.OrdinalIgnoreCase)
            || options.IsMissing(c.Key))
            .OrderByDescending(c => c.Value)
            .Select(c => new MissingOffer(c.Key, c.Value, "a placeholder text"))
            .ToList();
        var values = counts.Where(c => !offers.Any(o => string.Equals(o.Value, c.Key,
            StringComparison.OrdinalIgnoreCase))).ToList();
        var type = TypeOf(values.Select(v => v.Key).ToList());
        if (type == FieldType.Number)
        {
            offers.AddRange(NumberSentinels(values));
        }

        var unique = empty == 0 && offers.Count == 0 && counts.Count == cells.Count;
        return new ColumnGuess(column, type, offers, unique);
    }

    /// <summary>The type every value reads as: yes/no, number, date, else text. An empty column is text.</summary>
    public static FieldType TypeOf(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return FieldType.Text;
        }

        if (values.All(v => ValueParser.TryParseYesNo(v, out _)))
        {
            return FieldType.YesNo;
        }

        if (values.All(v => ValueParser.TryParseNumber(v, out _)))
        {
            return FieldType.Number;
        }

        return values.All(v => ValueParser.TryParseDate(v, out _)) ? FieldType.Date : FieldType.Text;
    }

    /// <summary>Numbers such as 999 or −1 that stand apart from the rest (see <see cref="Sentinels"/>).</summary>
    private static IEnumerable<MissingOffer> NumberSentinels(IReadOnlyList<KeyValuePair<string, int>> values)
    {
        var numbers = values.Select(v => (Value: double.Parse(v.Key, NumberStyles.Float, CultureInfo.InvariantCulture),
            Count: v.Value, Text: v.Key))
            .OrderBy(v => v.Value).ToList();
        var sentinels = Sentinels.Find(numbers.Select(n => (n.Value, n.Count)).ToList());
        var regular = numbers.Where(n => !sentinels.Contains(n.Value)).Select(n => n.Value).ToList();
        foreach (var found in numbers.Where(n => sentinels.Contains(n.Value)))
        {
            yield return new MissingOffer(found.Text,
                found.Count, $"{found.Text} stands apart from the other values ({Format(regular[0])} to " +
                    $"{Format(regular[^1])})", IsSentinel: true);
        }
    }

    private static string Format(double number) => number.ToString("0.##", CultureInfo.InvariantCulture);
}
