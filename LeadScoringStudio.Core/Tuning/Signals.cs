using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>
/// A yes/no signal the data offers, ready to become a criterion: one level of a field (a value, the rare values
/// pooled, a number bin, a sentinel such as 999, or "missing"), or having done an activity of a type lately.
/// <see cref="Template"/> is that criterion with 0 points.
/// </summary>
public sealed record Signal(string Key, string Label, Criterion Template, int Leads);

/// <summary>
/// The signals of one field (or one activity type) and, for every lead in the batch, which of them it has.
/// A field's signals are its levels: every lead has exactly one of them (<see cref="IsComplete"/>), unless it holds
/// a value of another type than the field's.
/// </summary>
public sealed class SignalGroup
{
    internal SignalGroup(string key, string label, Dimension dimension, bool isActivity, IReadOnlyList<Signal> signals, short[] levelOf, string? unusable, IReadOnlyList<string>? fields = null)
    {
        Key = key;
        Fields = fields ?? (isActivity ? [] : [key]);
        Label = label;
        Dimension = dimension;
        IsActivity = isActivity;
        Signals = signals;
        LevelOf = levelOf;
        Unusable = unusable;
        IsComplete = !isActivity && Fields.Count == 1 && levelOf.All(l => l >= 0);
    }

    /// <summary>The field's key, the activity type, or for a pair of fields both keys joined by " & ".</summary>
    public string Key { get; }

    /// <summary>The fields the signals look at: one, or two for a pair; none for an activity type.</summary>
    public IReadOnlyList<string> Fields { get; }

    public bool IsPair => Fields.Count == 2;

    public string Label { get; }

    public Dimension Dimension { get; }

    public bool IsActivity { get; }

    public IReadOnlyList<Signal> Signals { get; }

    /// <summary>Per lead in batch order, the index of its signal, or −1 for none.</summary>
    internal short[] LevelOf { get; }

    public bool IsComplete { get; }

    /// <summary>Why the field offers no signals (no values, one value only, too many different values); null when it does.</summary>
    public string? Unusable { get; }
}

/// <summary>
/// Turns fields and activity types into signals. Text values with enough leads are each a signal and the rare ones
/// are pooled; numbers and dates are binned by quantiles (a handful of distinct numbers keep a signal each), with
/// sentinels such as 999 kept apart; "missing" is a signal once per field. Each condition matches exactly the
/// leads the signal counts, so a criterion made from it scores what the fit saw.
/// </summary>
public static class Signals
{
    public const int ActivityLookbackDays = 90;
    private const int Bins = 10;
    private const int FewDistinct = 12;

    /// <summary>The fewest leads a value needs to be a signal of its own: 20, or one in 500 leads.</summary>
    public static int MinimumLeads(int leads) => Math.Max(20, leads / 500);

    public static IReadOnlyList<SignalGroup> For(IReadOnlyList<CatalogField> fields, LeadBatch batch, DateTimeOffset asOf, IReadOnlyList<ActivityTypeDefinition> activityTypes)
    {
        var minimum = MinimumLeads(batch.Count);
        var groups = fields.AsParallel().AsOrdered().Select(field => ForField(field, batch, minimum)).ToList();
        groups.AddRange(ForActivities(batch, asOf, minimum, activityTypes));
        return groups;
    }

    public static SignalGroup ForField(CatalogField field, LeadBatch batch, int minimum)
    {
        if (!batch.Attributes.TryGetValue(field.Key, out var column))
        {
            return new SignalGroup(field.Key, field.Label, field.Dimension, false, [], Enumerable.Repeat((short)-1, batch.Count).ToArray(), "no lead has a value");
        }

        var counts = new int[column.Values.Length];
        foreach (var id in column.ValueIds)
        {
            counts[id]++;
        }

        var levels = new Levels(field, column, counts, minimum);
        return levels.Build(batch.Count);
    }

    private static IEnumerable<SignalGroup> ForActivities(LeadBatch batch, DateTimeOffset asOf, int minimum, IReadOnlyList<ActivityTypeDefinition> activityTypes)
    {
        var types = batch.Signatures.Select(s => s.Type).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var typeOfSignature = batch.Signatures.Select(s => types.FindIndex(t => string.Equals(t, s.Type, StringComparison.OrdinalIgnoreCase))).ToArray();
        var since = asOf.AddDays(-ActivityLookbackDays).UtcTicks;
        var did = types.Select(_ => new short[batch.Count]).ToArray();
        foreach (var levels in did)
        {
            Array.Fill(levels, (short)-1);
        }

        for (var lead = 0; lead < batch.Count; lead++)
        {
            for (var a = batch.ActivityStart[lead]; a < batch.ActivityStart[lead + 1]; a++)
            {
                if (batch.ActivityTicks[a] >= since && batch.ActivityTicks[a] <= asOf.UtcTicks)
                {
                    did[typeOfSignature[batch.ActivitySignature[a]]][lead] = 0;
                }
            }
        }

        for (var t = 0; t < types.Count; t++)
        {
            var leads = did[t].Count(l => l == 0);
            if (leads < minimum || leads > batch.Count - minimum)
            {
                continue;
            }

            var label = activityTypes.FirstOrDefault(d => string.Equals(d.Name, types[t], StringComparison.OrdinalIgnoreCase))?.Label ?? CatalogField.LabelOf(types[t]);
            var template = new ActivityCriterion(
                Slug(types[t]), $"{label} in the last {ActivityLookbackDays} days", Dimension.Engagement, null,
                new ActivityCondition(types[t], []), 0, 1, null, ActivityLookbackDays, Decay.None);
            yield return new SignalGroup(types[t], label, Dimension.Engagement, true, [new Signal($"activity {types[t]}", template.Label, template, leads)], did[t], null);
        }
    }

    /// <summary>
    /// The signals of two fields together: every combination of a level of each with enough leads. They say how much
    /// more (or less) the combination is worth than its two parts added up, as criteria with an "and" condition.
    /// </summary>
    public static SignalGroup ForPair(SignalGroup first, SignalGroup second, Dimension dimension, int minimum)
    {
        var leads = first.LevelOf.Length;
        var width = second.Signals.Count;
        var counts = new int[first.Signals.Count * width];
        for (var lead = 0; lead < leads; lead++)
        {
            if (first.LevelOf[lead] >= 0 && second.LevelOf[lead] >= 0)
            {
                counts[(first.LevelOf[lead] * width) + second.LevelOf[lead]]++;
            }
        }

        var levelOfCombination = Enumerable.Repeat((short)-1, counts.Length).ToArray();
        var signals = new List<Signal>();
        for (var combination = 0; combination < counts.Length; combination++)
        {
            if (counts[combination] < minimum)
            {
                continue;
            }

            var (a, b) = (first.Signals[combination / width], second.Signals[combination % width]);
            var key = $"{a.Key} & {b.Key}";
            var label = $"{a.Label} and {b.Label}";
            var template = new AttributeCriterion(Slug(key), label, dimension, null, ((AttributeCriterion)a.Template).When, 0)
            {
                AlsoWhen = [((AttributeCriterion)b.Template).When],
            };
            levelOfCombination[combination] = (short)signals.Count;
            signals.Add(new Signal(key, label, template, counts[combination]));
        }

        var levelOf = new short[leads];
        for (var lead = 0; lead < leads; lead++)
        {
            levelOf[lead] = first.LevelOf[lead] >= 0 && second.LevelOf[lead] >= 0 ? levelOfCombination[(first.LevelOf[lead] * width) + second.LevelOf[lead]] : (short)-1;
        }

        return new SignalGroup($"{first.Key} & {second.Key}", $"{first.Label} and {second.Label}", dimension, false, signals, levelOf,
            signals.Count == 0 ? "no combination has enough leads" : null, [first.Key, second.Key]);
    }

    /// <summary>A criterion id from a signal's key: lower case, words joined by dashes.</summary>
    public static string Slug(string key) =>
        string.Join('-', key.ToLowerInvariant().Split([' ', '=', '<', '>', '.', ':', '[', ']', ',', '_', '/', '(', ')', '\'', '"', '?', '&'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Works out the levels of one field from its interned column.</summary>
    private sealed class Levels(CatalogField field, LeadBatch.AttributeColumn column, int[] counts, int minimum)
    {
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

            return new SignalGroup(field.Key, field.Label, field.Dimension, false, unusable is null ? _signals : [], levelOf, unusable);
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
                Add(rare[0].Ids, AttributeOf(Operator.Equals, [rare[0].Text]), $"{field.Key} = {rare[0].Text}", $"{field.Label} is {rare[0].Text}");
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

        /// <summary>Numbers and dates: sentinels apart, then one level per value when there are few, else bins by quantile.</summary>
        private string? OrderedLevels()
        {
            var isDate = field.Type == Leads.FieldType.Date;
            var values = Present(field.Type)
                .GroupBy(id => isDate ? column.Values[id].Date.DayNumber : column.Values[id].Number)
                .Select(g => (Value: g.Key, Ids: g.ToList(), Count: g.Sum(id => counts[id])))
                .OrderBy(v => v.Value)
                .ToList();
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
                // The outer bins stay open unless a sentinel lies beyond them, so new values beyond the seen ones still match.
                var openBelow = b == 0 && !sentinels.Any(s => s < low);
                var openAbove = b == bins.Count - 1 && !sentinels.Any(s => s > high);
                var ids = bins[b].SelectMany(v => v.Ids);
                if (openBelow && openAbove)
                {
                    Add(ids, AttributeOf(Operator.IsPresent, []), $"{field.Key} is present", $"{field.Label} has a value");
                }
                else if (openBelow)
                {
                    Add(ids, AttributeOf(Operator.AtMost, [Text(upper)]), $"{field.Key} <= {Text(upper)}", $"{field.Label} up to {Text(upper)}");
                }
                else if (openAbove)
                {
                    Add(ids, AttributeOf(Operator.AtLeast, [Text(lower)]), $"{field.Key} >= {Text(lower)}", $"{field.Label} {Text(lower)} or more");
                }
                else if (lower == upper)
                {
                    Add(ids, AttributeOf(Operator.Equals, [Text(lower)]), $"{field.Key} = {Text(lower)}", $"{field.Label} is {Text(lower)}");
                }
                else
                {
                    Add(ids, AttributeOf(Operator.Between, [Text(lower), Text(upper)]), $"{field.Key} {Text(lower)}..{Text(upper)}", $"{field.Label} {Text(lower)} to {Text(upper)}");
                }
            }

            foreach (var sentinel in values.Where(v => sentinels.Contains(v.Value)))
            {
                Add(sentinel.Ids, AttributeOf(Operator.Equals, [Text(sentinel.Value)]), $"{field.Key} = {Text(sentinel.Value)}", $"{field.Label} is {Text(sentinel.Value)} (stands apart)");
            }

            return null;
        }

        /// <summary>Each value its own level; a rare value joins its lower neighbour (the first joins the next).</summary>
        private List<List<(double Value, List<int> Ids, int Count)>> PerValue(List<(double Value, List<int> Ids, int Count)> values)
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

        /// <summary>About ten bins of equal size; a value with a big share of leads fills a bin alone; a small last bin joins the one before.</summary>
        private List<List<(double Value, List<int> Ids, int Count)>> ByQuantile(List<(double Value, List<int> Ids, int Count)> values)
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

            _signals.Add(new Signal(key, label, new AttributeCriterion(Slug(key), label, field.Dimension, null, condition, 0), leads));
        }

        /// <summary>The shortest number strictly between two neighbouring values, so a bound never equals a value seen.</summary>
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

        private static string Format(double value) => value.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture);
    }
}
