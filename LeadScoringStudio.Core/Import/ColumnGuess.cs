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
/// mean "no value" are set aside), those texts, whether every row has a different, non-empty value (so it could be
/// the lead id), and whether every value reads as an outcome (won/lost, yes/no, 1/0).
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

    /// <summary>True when every value (placeholders and empty cells aside) reads as an outcome.</summary>
    public bool ReadsAsOutcome { get; init; }

    /// <summary>Every column's guess, from one pass over the file's rows (told to <paramref name="rowsRead"/> every
    /// 10,000).</summary>
    public static IReadOnlyList<ColumnGuess> Of(CsvTable table, ImportOptions options, IProgress<int>? rowsRead = null)
    {
        var tallies = table.Columns.Select(c => new Tally(c, options)).ToList();
        var rows = 0;
        foreach (var row in table.ReadRows())
        {
            if (++rows % 10_000 == 0)
            {
                rowsRead?.Report(rows);
            }

            for (var i = 0; i < tallies.Count; i++)
            {
                tallies[i].Add(row.Cells[i]);
            }
        }

        return tallies.Select(t => t.Guess()).ToList();
    }

    public static ColumnGuess Of(string column, IReadOnlyList<string> cells, ImportOptions options)
    {
        var tally = new Tally(column, options);
        foreach (var cell in cells)
        {
            tally.Add(cell);
        }

        return tally.Guess();
    }

    private static bool IsPlaceholder(string text, ImportOptions options) =>
        PlaceholderWords.Contains(text, StringComparer.OrdinalIgnoreCase) || options.IsMissing(text);

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

    /// <summary>
    /// One column's cells, counted as they stream by: distinct values with their counts (the first
    /// <see cref="MaxDistinct"/> of them; placeholders always), what every value reads as, and 64-bit fingerprints to
    /// tell whether every value differs (dropped at the first repeat). Memory stays bounded however many rows pass.
    /// </summary>
    private sealed class Tally(string column, ImportOptions options)
    {
        private const int MaxDistinct = 10_000;

        private readonly Dictionary<string, int> _counts = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _placeholders = new(StringComparer.OrdinalIgnoreCase);
        private HashSet<ulong>? _fingerprints = [];
        private bool _empty;
        private bool _anyValue;
        private bool _yesNo = true;
        private bool _number = true;
        private bool _date = true;
        private bool _outcome = true;

        public void Add(string cell)
        {
            var text = cell.Trim();
            if (text.Length == 0)
            {
                _empty = true;
                return;
            }

            if (IsPlaceholder(text, options))
            {
                _placeholders[text] = _placeholders.GetValueOrDefault(text) + 1;
                return;
            }

            if (_fingerprints is not null && !_fingerprints.Add(Fingerprint(text)))
            {
                _fingerprints = null;
            }

            var known = _counts.TryGetValue(text, out var count);
            if (known || _counts.Count < MaxDistinct)
            {
                _counts[text] = count + 1;
            }

            if (!known)
            {
                _anyValue = true;
                _yesNo = _yesNo && ValueParser.TryParseYesNo(text, out _);
                _number = _number && ValueParser.TryParseNumber(text, out _);
                _date = _date && ValueParser.TryParseDate(text, out _);
                _outcome = _outcome && LeadImport.ParseOutcome(text) is not null;
            }
        }

        public ColumnGuess Guess()
        {
            var offers = _placeholders.OrderByDescending(p => p.Value)
                .Select(p => new MissingOffer(p.Key, p.Value, "a placeholder text")).ToList();
            var type = !_anyValue ? FieldType.Text
                : _yesNo ? FieldType.YesNo
                : _number ? FieldType.Number
                : _date ? FieldType.Date
                : FieldType.Text;
            if (type == FieldType.Number)
            {
                offers.AddRange(NumberSentinels(_counts.ToList()));
            }

            return new ColumnGuess(column, type, offers, !_empty && offers.Count == 0 && _fingerprints is not null)
            {
                ReadsAsOutcome = _outcome,
            };
        }

        /// <summary>FNV-1a over the upper-cased text: equal texts (ignoring case) get equal fingerprints, and a million
        /// different ones almost surely differ (64 bits).</summary>
        private static ulong Fingerprint(string text)
        {
            var hash = 14695981039346656037UL;
            foreach (var c in text)
            {
                hash = (hash ^ char.ToUpperInvariant(c)) * 1099511628211UL;
            }

            return hash;
        }
    }
}
