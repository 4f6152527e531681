using System.Runtime.CompilerServices;
using System.Text;
using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>How a <see cref="LeadBatch"/> is built: lead by lead, or from another batch with some leads
/// changed.</summary>
public sealed partial class LeadBatch
{
    private sealed class ColumnBuilder
    {
        public ColumnBuilder(int leads)
        {
            ValueIds = new List<int>(leads);
            ValueIds.AddRange(Enumerable.Repeat(0, leads));
            Values = [FieldValue.Missing];
        }

        public ColumnBuilder(AttributeColumn column)
        {
            ValueIds = [.. column.ValueIds];
            Values = [.. column.Values];
            for (var id = 1; id < Values.Count; id++)
            {
                Index[Values[id]] = id;
            }
        }

        public List<int> ValueIds { get; }

        public List<FieldValue> Values { get; }

        private Dictionary<FieldValue, int> Index { get; } = new() { [FieldValue.Missing] = 0 };

        public int IdOf(FieldValue value)
        {
            if (!Index.TryGetValue(value, out var id))
            {
                id = Values.Count;
                Values.Add(value);
                Index[value] = id;
            }

            return id;
        }

        public AttributeColumn Build() => new([.. ValueIds], [.. Values]);
    }

    /// <summary>Pairs of the very same type string and properties dictionary.</summary>
    private sealed class SameInstances : IEqualityComparer<(string, IReadOnlyDictionary<string, string>)>
    {
        public static readonly SameInstances Comparer = new();

        public bool Equals((string, IReadOnlyDictionary<string, string>) x,
            (string, IReadOnlyDictionary<string, string>) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((string, IReadOnlyDictionary<string, string>) pair) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(pair.Item1), RuntimeHelpers.GetHashCode(pair.Item2));
    }

    /// <summary>Builds a batch lead by lead, so a caller reading leads from storage never holds them all.</summary>
    public sealed class Builder
    {
        private const int MostInstances = 100_000;

        private readonly List<string> _ids = [];
        private readonly Dictionary<string, ColumnBuilder> _attributes = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<int> _start = [0];
        private readonly List<int> _signature = [];
        private readonly List<long> _ticks = [];
        private readonly List<Activity> _signatures = [];
        private readonly Dictionary<string, int> _signatureIndex = new(StringComparer.Ordinal);
        private readonly StringBuilder _key = new();
        private readonly Dictionary<(string, IReadOnlyDictionary<string, string>), int> _byInstance =
            new(SameInstances.Comparer);

        public Builder()
        {
        }

        /// <summary>Starts from <paramref name="from"/>'s leads, with the <paramref name="replaced"/> ones swapped
        /// in.</summary>
        internal Builder(LeadBatch from, IReadOnlyDictionary<int, Lead> replaced)
        {
            _ids.AddRange(from.LeadIds);
            foreach (var (field, column) in from.Attributes)
            {
                _attributes[field] = new ColumnBuilder(column);
            }

            foreach (var signature in from.Signatures)
            {
                SignatureOf(signature);
            }

            _signature.Capacity = _ticks.Capacity = from.ActivityCount;
            for (var position = 0; position < from.Count; position++)
            {
                if (replaced.TryGetValue(position, out var lead))
                {
                    _ids[position] = lead.Id;
                    foreach (var column in _attributes.Values)
                    {
                        column.ValueIds[position] = 0;
                    }

                    SetAttributes(position, lead);
                    AddActivities(lead);
                }
                else
                {
                    var (start, end) = (from.ActivityStart[position], from.ActivityStart[position + 1]);
                    _signature.AddRange(from.ActivitySignature.AsSpan(start, end - start));
                    _ticks.AddRange(from.ActivityTicks.AsSpan(start, end - start));
                }

                _start.Add(_ticks.Count);
            }
        }

        public int Count => _ids.Count;

        public void Add(Lead lead)
        {
            _ids.Add(lead.Id);
            foreach (var column in _attributes.Values)
            {
                column.ValueIds.Add(0);
            }

            SetAttributes(_ids.Count - 1, lead);
            AddActivities(lead);
            _start.Add(_ticks.Count);
        }

        public LeadBatch Build() =>
            new([.. _ids], _attributes.ToDictionary(p => p.Key, p => p.Value.Build(), StringComparer.OrdinalIgnoreCase),
                [.. _start], [.. _signature], [.. _ticks], [.. _signatures]);

        /// <summary>Sets the lead's values at <paramref name="position"/>, where every column holds missing. A field
        /// the lead holds under two spellings takes the last.</summary>
        private void SetAttributes(int position, Lead lead)
        {
            foreach (var (field, value) in lead.Attributes)
            {
                if (!_attributes.TryGetValue(field, out var column))
                {
                    column = new ColumnBuilder(_ids.Count);
                    _attributes[field] = column;
                }

                column.ValueIds[position] = column.IdOf(value);
            }
        }

        private void AddActivities(Lead lead)
        {
            foreach (var activity in NewestFirst(lead.Activities))
            {
                _signature.Add(SignatureOf(activity));
                _ticks.Add(activity.At.UtcTicks);
            }
        }

        /// <summary>Stored leads keep their activities newest first already: those are not sorted again.</summary>
        private static IEnumerable<Activity> NewestFirst(IReadOnlyList<Activity> activities)
        {
            for (var i = 1; i < activities.Count; i++)
            {
                if (activities[i].At > activities[i - 1].At)
                {
                    return activities.OrderByDescending(a => a.At);
                }
            }

            return activities;
        }

        private int SignatureOf(Activity activity)
        {
            // Readers that share type strings and property dictionaries (as storage's does) are found by reference.
            var instances = (activity.Type, activity.Properties);
            if (_byInstance.TryGetValue(instances, out var known))
            {
                return known;
            }

            _key.Clear().Append(activity.Type.ToLowerInvariant());
            IEnumerable<KeyValuePair<string, string>> properties = activity.Properties.Count < 2
                ? activity.Properties
                : activity.Properties.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in properties)
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

            if (_byInstance.Count < MostInstances)
            {
                _byInstance[instances] = id;
            }

            return id;
        }
    }
}
