using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// Many leads stored in columns for fast scoring. Attribute values and activity "signatures" (type
/// plus properties) are interned, so a condition is decided once per distinct value rather than once
/// per lead or event. Each lead's activities are kept newest first.
/// </summary>
public sealed partial class LeadBatch
{
    private LeadBatch(
        string[] leadIds,
        Dictionary<string, AttributeColumn> attributes,
        int[] activityStart,
        int[] activitySignature,
        long[] activityTicks,
        Activity[] signatures)
    {
        LeadIds = leadIds;
        Attributes = attributes;
        ActivityStart = activityStart;
        ActivitySignature = activitySignature;
        ActivityTicks = activityTicks;
        Signatures = signatures;
        Conditions = new ConditionTables(this);
    }

    public int Count => LeadIds.Count;

    public IReadOnlyList<string> LeadIds { get; }

    public int ActivityCount => ActivityTicks.Length;

    /// <summary>Per field: each lead's value as an index into the field's distinct values (0 is missing).</summary>
    internal Dictionary<string, AttributeColumn> Attributes { get; }

    /// <summary>Lead i's activities are positions ActivityStart[i] to ActivityStart[i + 1] − 1.</summary>
    internal int[] ActivityStart { get; }

    internal int[] ActivitySignature { get; }

    internal long[] ActivityTicks { get; }

    /// <summary>One representative activity per distinct type-and-properties signature.</summary>
    internal Activity[] Signatures { get; }

    /// <summary>The conditions decided on this batch so far.</summary>
    internal ConditionTables Conditions { get; }

    public static LeadBatch From(IEnumerable<Lead> leads)
    {
        var builder = new Builder();
        foreach (var lead in leads)
        {
            builder.Add(lead);
        }

        return builder.Build();
    }

    /// <summary>
    /// Lead <paramref name="position"/> read back from the columns: its attributes, and its activities newest first,
    /// each with its time in UTC. This is how a loaded workspace hands out one lead without keeping a million
    /// <see cref="Lead"/> objects alive.
    /// </summary>
    public Lead LeadAt(int position)
    {
        var attributes = new Dictionary<string, FieldValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, column) in Attributes)
        {
            if (column.ValueIds[position] is var id and not 0)
            {
                attributes[field] = column.Values[id];
            }
        }

        var (start, end) = (ActivityStart[position], ActivityStart[position + 1]);
        var activities = new Activity[end - start];
        for (var i = start; i < end; i++)
        {
            activities[i - start] = Signatures[ActivitySignature[i]] with
            {
                At = new DateTimeOffset(ActivityTicks[i], TimeSpan.Zero),
            };
        }

        return new Lead(LeadIds[position], attributes, activities);
    }

    /// <summary>Lead <paramref name="position"/>'s value of <paramref name="field"/> (any case), or missing.</summary>
    public FieldValue ValueAt(int position, string field) =>
        Attributes.TryGetValue(field, out var column) ? column.Values[column.ValueIds[position]] : FieldValue.Missing;

    /// <summary>When lead <paramref name="position"/> was first seen (its oldest activity, in UTC), or null.</summary>
    public DateTimeOffset? FirstSeenAt(int position) =>
        ActivityStart[position + 1] > ActivityStart[position]
            ? new DateTimeOffset(ActivityTicks[ActivityStart[position + 1] - 1], TimeSpan.Zero)
            : null;

    /// <summary>
    /// These leads with some replaced (by position; the lead keeps its position) and others added at the end: what a
    /// loaded workspace does after an import or an API write instead of reading every lead again. The values and
    /// activity signatures already interned keep their numbers; this batch itself stays as it is.
    /// </summary>
    public LeadBatch With(IReadOnlyDictionary<int, Lead> replaced, IEnumerable<Lead> added)
    {
        var builder = new Builder(this, replaced);
        foreach (var lead in added)
        {
            builder.Add(lead);
        }

        return builder.Build();
    }

    /// <summary>A field's distinct values (the first is missing) and each lead's value as an index into them.</summary>
    internal sealed record AttributeColumn(int[] ValueIds, FieldValue[] Values);
}
