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
/// Turns fields and activity types into signals. Text values with enough leads are each a signal and the rare ones
/// are pooled; numbers and dates are binned by quantiles (a handful of distinct numbers keep a signal each), with
/// sentinels such as 999 kept apart; "missing" is a signal once per field. Each condition matches exactly the
/// leads the signal counts, so a criterion made from it scores what the fit saw.
/// </summary>
public static class Signals
{
    public const int ActivityLookbackDays = 90;

    /// <summary>The fewest leads a value needs to be a signal of its own: 20, or one in 500 leads.</summary>
    public static int MinimumLeads(int leads) => Math.Max(20, leads / 500);

    public static IReadOnlyList<SignalGroup> For(IReadOnlyList<CatalogField> fields, LeadBatch batch,
        DateTimeOffset asOf, IReadOnlyList<ActivityTypeDefinition> activityTypes)
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
            return new SignalGroup(field.Key, field.Label, field.Dimension, false, [],
                Enumerable.Repeat((short)-1, batch.Count).ToArray(), "no lead has a value");
        }

        var counts = new int[column.Values.Length];
        foreach (var id in column.ValueIds)
        {
            counts[id]++;
        }

        var levels = new FieldLevels(field, column, counts, minimum);
        return levels.Build(batch.Count);
    }

    private static IEnumerable<SignalGroup> ForActivities(LeadBatch batch, DateTimeOffset asOf, int minimum,
        IReadOnlyList<ActivityTypeDefinition> activityTypes)
    {
        var types = batch.Signatures.Select(s => s.Type).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var typeOfSignature = batch.Signatures.Select(s =>
            types.FindIndex(t => string.Equals(t, s.Type, StringComparison.OrdinalIgnoreCase))).ToArray();
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

            var label = activityTypes.FirstOrDefault(d =>
                string.Equals(d.Name, types[t], StringComparison.OrdinalIgnoreCase))?.Label
                ?? CatalogField.LabelOf(types[t]);
            var template = new ActivityCriterion(
                Slug(types[t]), $"{label} in the last {ActivityLookbackDays} days", Dimension.Engagement, null,
                new ActivityCondition(types[t], []), 0, 1, null, ActivityLookbackDays, Decay.None);
            yield return new SignalGroup(types[t], label, Dimension.Engagement, true,
                [new Signal($"activity {types[t]}", template.Label, template, leads)], did[t], null);
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
            var template = new AttributeCriterion(Slug(key), label, dimension, null,
                ((AttributeCriterion)a.Template).When, 0)
            {
                AlsoWhen = [((AttributeCriterion)b.Template).When],
            };
            levelOfCombination[combination] = (short)signals.Count;
            signals.Add(new Signal(key, label, template, counts[combination]));
        }

        var levelOf = new short[leads];
        for (var lead = 0; lead < leads; lead++)
        {
            levelOf[lead] = first.LevelOf[lead] >= 0 && second.LevelOf[lead] >= 0
                ? levelOfCombination[(first.LevelOf[lead] * width) + second.LevelOf[lead]]
                : (short)-1;
        }

        return new SignalGroup($"{first.Key} & {second.Key}", $"{first.Label} and {second.Label}", dimension, false,
            signals, levelOf,
            signals.Count == 0 ? "no combination has enough leads" : null, [first.Key, second.Key]);
    }

    /// <summary>A criterion id from a signal's key: lower case, words joined by dashes.</summary>
    public static string Slug(string key) =>
        string.Join('-', key.ToLowerInvariant()
            .Split([' ', '=', '<', '>', '.', ':', '[', ']', ',', '_', '/', '(', ')', '\'', '"', '?', '&'],
            StringSplitOptions.RemoveEmptyEntries));
}
