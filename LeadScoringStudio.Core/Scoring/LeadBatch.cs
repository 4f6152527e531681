using System.Text;
using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// Many leads stored in columns for fast scoring. Attribute values and activity "signatures" (type
/// plus properties) are interned, so a condition is decided once per distinct value rather than once
/// per lead or event. Each lead's activities are kept newest first.
/// </summary>
public sealed class LeadBatch
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

    /// <summary>A field's distinct values (the first is missing) and each lead's value as an index into them.</summary>
    internal sealed record AttributeColumn(int[] ValueIds, FieldValue[] Values);

    private sealed class ColumnBuilder
    {
        public List<int> ValueIds { get; } = [];

        public List<FieldValue> Values { get; } = [FieldValue.Missing];

        public Dictionary<FieldValue, int> Index { get; } = new() { [FieldValue.Missing] = 0 };

        public AttributeColumn Build() => new([.. ValueIds], [.. Values]);
    }

    private sealed class Builder
    {
        private readonly List<string> _ids = [];
        private readonly Dictionary<string, ColumnBuilder> _attributes = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<int> _start = [0];
        private readonly List<int> _signature = [];
        private readonly List<long> _ticks = [];
        private readonly List<Activity> _signatures = [];
        private readonly Dictionary<string, int> _signatureIndex = new(StringComparer.Ordinal);
        private readonly StringBuilder _key = new();

        public void Add(Lead lead)
        {
            foreach (var (field, value) in lead.Attributes)
            {
                if (!_attributes.TryGetValue(field, out var column))
                {
                    column = new ColumnBuilder();
                    column.ValueIds.AddRange(Enumerable.Repeat(0, _ids.Count));
                    _attributes[field] = column;
                }

                if (!column.Index.TryGetValue(value, out var id))
                {
                    id = column.Values.Count;
                    column.Values.Add(value);
                    column.Index[value] = id;
                }

                column.ValueIds.Add(id);
            }

            _ids.Add(lead.Id);
            foreach (var column in _attributes.Values.Where(c => c.ValueIds.Count < _ids.Count))
            {
                column.ValueIds.Add(0);
            }

            foreach (var activity in lead.Activities.OrderByDescending(a => a.At))
            {
                _signature.Add(SignatureOf(activity));
                _ticks.Add(activity.At.UtcTicks);
            }

            _start.Add(_ticks.Count);
        }

        public LeadBatch Build() =>
            new([.. _ids], _attributes.ToDictionary(p => p.Key, p => p.Value.Build(), StringComparer.OrdinalIgnoreCase), [.. _start], [.. _signature], [.. _ticks], [.. _signatures]);

        private int SignatureOf(Activity activity)
        {
            _key.Clear().Append(activity.Type.ToLowerInvariant());
            foreach (var (name, value) in activity.Properties.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
            {
                _key.Append('\u0001').Append(name.ToLowerInvariant()).Append('\u0002').Append(value);
            }

            var key = _key.ToString();
            if (!_signatureIndex.TryGetValue(key, out var id))
            {
                id = _signatures.Count;
                _signatures.Add(activity with { At = default });
                _signatureIndex[key] = id;
            }

            return id;
        }
    }
}
