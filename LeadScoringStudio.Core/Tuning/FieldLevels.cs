using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>
/// Works out the levels of one field from its interned column (see <see cref="Signals"/>): each distinct value is
/// looked at once, and each lead's level is read from its value.
/// </summary>
internal sealed class FieldLevels(CatalogField field, LeadBatch.AttributeColumn column, int[] counts, int minimum)
{
    /// <summary>About this many bins of equal size for a number or date with many distinct values.</summary>
    private const int Bins = 10;

    /// <summary>Up to this many distinct numbers keep a level each.</summary>
    private const int FewDistinct = 12;

    /// <summary>At least this many whole numbers, each held by one lead only, read as an id (a lead number), not a
    /// measure.</summary>
    private const int IdLike = 50;

    private readonly List<Signal> _signals = [];
    private readonly short[] _levelOfValue = Enumerable.Repeat((short)-1, column.Values.Length).ToArray();

    public SignalGroup Build(int leads)
    {
        var filled = leads - counts[0];
        string? unusable = filled == 0 ? "no lead has a value" : field.Type switch
        {
            Leads.FieldType.Text => TextLevels(filled),
            Leads.FieldType.YesNo => YesNoLevels(),
            _ => OrderedLevels(),
        };
        if (counts[0] > 0)
        {
            Add([0], AttributeOf(Operator.IsMissing, []), $"{field.Key} is missing", $"{field.Label} is missing");
        }

        unusable ??= _signals.Count < 2 ? "every lead has the same value" : null;
        var levelOf = new short[leads];
        for (var lead = 0; lead < leads; lead++)
        {
            levelOf[lead] = unusable is null ? _levelOfValue[column.ValueIds[lead]] : (short)-1;
        }

        return new SignalGroup(field.Key, field.Label, field.Dimension, false, unusable is null ? _signals : [],
            levelOf, unusable);
    }

    private string? TextLevels(int filled)
    {
        var values = Present(Leads.FieldType.Text)
            .GroupBy(id => column.Values[id].Text!.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => (Text: g.Key, Ids: g.ToList(), Count: g.Sum(id => counts[id])))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Text, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var common = values.Where(v => v.Count >= minimum).ToList();
        var rare = values.Where(v => v.Count < minimum).ToList();
        if (common.Sum(v => v.Count) < filled / 2)
        {
            return $"too many different values ({values.Count:N0}) to learn from each";
        }

        foreach (var (text, ids, _) in common)
        {
            Add(ids, AttributeOf(Operator.Equals, [text]), $"{field.Key} = {text}", $"{field.Label} is {text}");
        }

        if (rare.Count == 1)
        {
            Add(rare[0].Ids, AttributeOf(Operator.Equals,
                [rare[0].Text]), $"{field.Key} = {rare[0].Text}", $"{field.Label} is {rare[0].Text}");
        }
        else if (rare.Count > 1)
        {
            // "Not one of the common values" matches exactly the rare ones (a missing value matches only "is missing").
            Add(rare.SelectMany(r => r.Ids), AttributeOf(Operator.NotOneOf, common.Select(c => c.Text).ToValueList()),
                $"{field.Key} other", $"{field.Label}: any of {rare.Count} rarer values");
        }

        return null;
    }

    private string? YesNoLevels()
    {
        foreach (var yes in new[] { true, false })
        {
            var ids = Present(Leads.FieldType.YesNo).Where(id => column.Values[id].Yes == yes).ToList();
            if (ids.Count > 0)
            {
                var word = yes ? "yes" : "no";
                Add(ids, AttributeOf(Operator.Equals, [word]), $"{field.Key} = {word}", $"{field.Label}: {word}");
            }
        }

        return null;
    }

    /// <summary>Numbers and dates: sentinels apart, then one level per value when there are few, else bins by
    /// quantile.</summary>
    private string? OrderedLevels()
    {
        var isDate = field.Type == Leads.FieldType.Date;
        var values = Present(field.Type)
            .GroupBy(id => isDate ? column.Values[id].Date.DayNumber : column.Values[id].Number)
            .Select(g => (Value: g.Key, Ids: g.ToList(), Count: g.Sum(id => counts[id])))
            .OrderBy(v => v.Value)
            .ToList();
        if (!isDate && values.Count >= IdLike && values.All(v => v.Count == 1 && v.Value == Math.Floor(v.Value)))
        {
            return "every lead has a whole number of its own, like an id";
        }

        var sentinels = isDate ? [] : Fields.Sentinels.Find(values.Select(v => (v.Value, v.Count)).ToList());
        var regular = values.Where(v => !sentinels.Contains(v.Value)).ToList();
        var bins = regular.Count <= FewDistinct ? PerValue(regular) : ByQuantile(regular);
        var integers = isDate || regular.All(v => v.Value == Math.Floor(v.Value));
        string Text(double value) => isDate ? DateOnly.FromDayNumber((int)value).ToString("yyyy-MM-dd") : Format(value);
        for (var b = 0; b < bins.Count; b++)
        {
            var (low, high) = (bins[b][0].Value, bins[b][^1].Value);
            var lower = b == 0 || integers ? low : Cut(bins[b - 1][^1].Value, low);
            var upper = b == bins.Count - 1 || integers ? high : Cut(high, bins[b + 1][0].Value);
            // The outer bins stay open unless a sentinel lies beyond them, so new values beyond the seen ones still
            // match.
            var openBelow = b == 0 && !sentinels.Any(s => s < low);
            var openAbove = b == bins.Count - 1 && !sentinels.Any(s => s > high);
            var ids = bins[b].SelectMany(v => v.Ids);
            if (openBelow && openAbove)
            {
                Add(ids, AttributeOf(Operator.IsPresent, []), $"{field.Key} is present", $"{field.Label} has a value");
            }
            else if (openBelow)
            {
                Add(ids, AttributeOf(Operator.AtMost,
                    [Text(upper)]), $"{field.Key} <= {Text(upper)}", $"{field.Label} up to {Text(upper)}");
            }
            else if (openAbove)
            {
                Add(ids, AttributeOf(Operator.AtLeast,
                    [Text(lower)]), $"{field.Key} >= {Text(lower)}", $"{field.Label} {Text(lower)} or more");
            }
            else if (lower == upper)
            {
                Add(ids, AttributeOf(Operator.Equals,
                    [Text(lower)]), $"{field.Key} = {Text(lower)}", $"{field.Label} is {Text(lower)}");
            }
            else
            {
                Add(ids, AttributeOf(Operator.Between, [Text(lower),
                    Text(upper)]), $"{field.Key} {Text(lower)}..{Text(upper)}", $"{field.Label} {Text(lower)} to " +
                        $"{Text(upper)}");
            }
        }

        foreach (var sentinel in values.Where(v => sentinels.Contains(v.Value)))
        {
            Add(sentinel.Ids, AttributeOf(Operator.Equals,
                [Text(sentinel.Value)]), $"{field.Key} = {Text(sentinel.Value)}", $"{field.Label} is " +
                    $"{Text(sentinel.Value)} (stands apart)");
        }

        return null;
    }

    /// <summary>Each value its own level; a rare value joins its lower neighbour (the first joins the next).</summary>
    private List<List<(double Value, List<int> Ids,
        int Count)>> PerValue(List<(double Value, List<int> Ids, int Count)> values)
    {
        var bins = values.Select(v => new List<(double, List<int>, int)> { v }).ToList();
        for (var b = 0; b < bins.Count && bins.Count > 1;)
        {
            if (bins[b].Sum(v => v.Item3) >= minimum)
            {
                b++;
                continue;
            }

            var into = b == 0 ? 1 : b - 1;
            bins[into] = (into < b ? bins[into].Concat(bins[b]) : bins[b].Concat(bins[into])).ToList();
            bins.RemoveAt(b);
            b = Math.Max(0, into);
        }

        return bins;
    }

    /// <summary>About ten bins of equal size; a value with a big share of leads fills a bin alone; a small last bin
    /// joins the one before.</summary>
    private List<List<(double Value, List<int> Ids,
        int Count)>> ByQuantile(List<(double Value, List<int> Ids, int Count)> values)
    {
        var target = Math.Max(minimum, values.Sum(v => v.Count) / Bins);
        var bins = new List<List<(double, List<int>, int)>>();
        var current = new List<(double, List<int>, int)>();
        foreach (var value in values)
        {
            current.Add(value);
            if (current.Sum(v => v.Item3) >= target)
            {
                bins.Add(current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            if (bins.Count > 0 && current.Sum(v => v.Item3) < target / 2)
            {
                bins[^1].AddRange(current);
            }
            else
            {
                bins.Add(current);
            }
        }

        return bins;
    }

    private IEnumerable<int> Present(Leads.FieldType type) =>
        Enumerable.Range(1, column.Values.Length - 1).Where(id => counts[id] > 0 && column.Values[id].Type == type);

    private AttributeCondition AttributeOf(Operator op, ValueList<string> values) => new(field.Key, op, values);

    private void Add(IEnumerable<int> valueIds, AttributeCondition condition, string key, string label)
    {
        var level = (short)_signals.Count;
        var leads = 0;
        foreach (var id in valueIds)
        {
            _levelOfValue[id] = level;
            leads += counts[id];
        }

        _signals.Add(new Signal(key, label, new AttributeCriterion(Signals.Slug(key), label, field.Dimension, null,
            condition, 0), leads));
    }

    /// <summary>The shortest number strictly between two neighbouring values, so a bound never equals a value
    /// seen.</summary>
    private static double Cut(double below, double above)
    {
        var middle = (below + above) / 2;
        for (var decimals = 0; decimals <= 10; decimals++)
        {
            var rounded = Math.Round(middle, decimals);
            if (rounded > below && rounded < above)
            {
                return rounded;
            }
        }

        return middle;
    }

    private static string Format(double value) =>
        value.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture);
}
