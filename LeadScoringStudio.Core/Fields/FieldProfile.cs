using System.Globalization;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Fields;

/// <summary>A value of a field and how many leads have it.</summary>
public sealed record ValueCount(string Value, int Count);

/// <summary>What the leads hold in one field: how many have a value, how many distinct values, the commonest with
/// counts, and examples.</summary>
public sealed record FieldProfile(
    string Key, int Leads, int Filled, int Distinct, IReadOnlyList<ValueCount> TopValues,
        IReadOnlyList<string> Examples, FieldType? SeenType)
{
    public const int TopValueCount = 50;

    public double FillRate => Leads == 0 ? 0 : (double)Filled / Leads;

    public static FieldProfile Empty(string key, int leads) => new(key, leads, 0, 0, [], [], null);

    /// <summary>Profiles every field the batch's leads have values for, reading each field's interned column
    /// once.</summary>
    public static IReadOnlyList<FieldProfile> Of(LeadBatch batch) =>
        batch.Attributes.AsParallel().Select(pair => Of(pair.Key, pair.Value, batch.Count))
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).ToList();

    private static FieldProfile Of(string key, LeadBatch.AttributeColumn column, int leads)
    {
        var counts = new int[column.Values.Length];
        foreach (var id in column.ValueIds)
        {
            counts[id]++;
        }

        // Text compares ignoring case, as conditions do: "VP" and "vp" are one value.
        var byText = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var typeCounts = new int[4];
        for (var id = 1; id < column.Values.Length; id++)
        {
            if (counts[id] == 0)
            {
                continue;
            }

            var value = column.Values[id];
            typeCounts[(int)value.Type!.Value] += counts[id];
            var text = value.ToString();
            byText[text] = byText.GetValueOrDefault(text) + counts[id];
        }

        var filled = leads - counts[0];
        var top = byText.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Take(TopValueCount).Select(p => new ValueCount(p.Key, p.Value)).ToList();
        FieldType? seen = filled == 0 ? null : (FieldType)Array.IndexOf(typeCounts, typeCounts.Max());
        return new FieldProfile(key, leads, filled, byText.Count, top, ExamplesOf(column, counts, seen), seen);
    }

    /// <summary>Numbers and dates by their lowest, middle and highest value; other values by the commonest
    /// three.</summary>
    private static IReadOnlyList<string> ExamplesOf(LeadBatch.AttributeColumn column, int[] counts, FieldType? type)
    {
        var present = Enumerable.Range(1, column.Values.Length - 1)
            .Where(id => counts[id] > 0 && column.Values[id].Type == type).ToList();
        if (present.Count == 0)
        {
            return [];
        }

        if (type is FieldType.Number or FieldType.Date)
        {
            var ordered = present.OrderBy(id =>
                type == FieldType.Number ? column.Values[id].Number : column.Values[id].Date.DayNumber).ToList();
            return new[] { ordered[0], ordered[ordered.Count / 2], ordered[^1] }.Distinct()
                .Select(id => column.Values[id].ToString()).ToList();
        }

        return present.OrderByDescending(id => counts[id]).Take(3).Select(id => column.Values[id].ToString()).ToList();
    }

    public override string ToString() =>
        $"{Key}: {(FillRate * 100).ToString("0", CultureInfo.InvariantCulture)}% filled, {Distinct} distinct";
}
