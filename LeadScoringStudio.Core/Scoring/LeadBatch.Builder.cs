using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>How a <see cref="LeadBatch"/> is built: lead by lead, or from another batch with some leads
/// changed.</summary>
public sealed partial class LeadBatch
{
    /// <summary>Builds a batch lead by lead, so a caller reading leads from storage never holds them all.</summary>
    public sealed class Builder
    {
        private const int MostByStrings = 100_000;

        private readonly List<string> _ids = [];
        private readonly Dictionary<string, ColumnBuilder> _attributes = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<(string Field, ColumnBuilder Column)> _lastFields = [];
        private readonly GrowingColumn<int> _start = new();
        private readonly GrowingColumn<int> _signature = new();
        private readonly GrowingColumn<long> _ticks = new();
        private readonly List<Activity> _signatures = [];
        private readonly Dictionary<Activity, int> _signatureIndex = new(SameSignature.Comparer);
        private readonly Dictionary<SameStrings, int> _byStrings = [];
        private readonly NewestFirstOrder _newestFirst = new();
        private int[] _leadSignatures = new int[64];
        private long _stringLookups;
        private long _stringHits;

        public Builder()
        {
            _start.Add(0);
        }

        /// <summary>Starts from <paramref name="from"/>'s leads, with the <paramref name="replaced"/> ones swapped
        /// in.</summary>
        internal Builder(LeadBatch from, IReadOnlyDictionary<int, Lead> replaced)
            : this()
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

            for (var position = 0; position < from.Count; position++)
            {
                if (replaced.TryGetValue(position, out var lead))
                {
                    _ids[position] = lead.Id;
                    foreach (var column in _attributes.Values)
                    {
                        column.ValueIds.Set(position, 0);
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
            SetAttributes(_ids.Count - 1, lead);
            AddActivities(lead);
            _start.Add(_ticks.Count);
        }

        /// <summary>The batch of the leads added; the builder is spent.</summary>
        public LeadBatch Build() =>
            new([.. _ids], _attributes.ToDictionary(p => p.Key, p => p.Value.Build(_ids.Count),
                    StringComparer.OrdinalIgnoreCase),
                _start.ToArray(_ids.Count + 1), _signature.ToArray(_signature.Count), _ticks.ToArray(_ticks.Count),
                [.. _signatures]);

        /// <summary>Sets the lead's values at <paramref name="position"/>, where every column holds missing. Leads
        /// usually name their fields as the lead before did, so a field is first looked for where it stood
        /// then.</summary>
        private void SetAttributes(int position, Lead lead)
        {
            var order = 0;
            foreach (var (field, value) in lead.AnyCaseAttributes)
            {
                var column = ColumnAt(order++, field);
                column.ValueIds.Set(position, column.IdOf(value));
            }
        }

        /// <summary>The column of <paramref name="field"/>, the <paramref name="order"/>th field of a lead.</summary>
        private ColumnBuilder ColumnAt(int order, string field)
        {
            if (order < _lastFields.Count && ReferenceEquals(_lastFields[order].Field, field))
            {
                return _lastFields[order].Column;
            }

            if (!_attributes.TryGetValue(field, out var column))
            {
                column = new ColumnBuilder();
                _attributes[field] = column;
            }

            if (order < _lastFields.Count)
            {
                _lastFields[order] = (field, column);
            }
            else
            {
                _lastFields.Add((field, column));
            }

            return column;
        }

        private void AddActivities(Lead lead)
        {
            var activities = lead.Activities;
            _newestFirst.Order(activities);
            var ticks = _newestFirst.Ticks;
            var from = _newestFirst.From;
            if (_leadSignatures.Length < ticks.Length)
            {
                _leadSignatures = new int[Math.Max(ticks.Length, 2 * _leadSignatures.Length)];
            }

            for (var i = 0; i < ticks.Length; i++)
            {
                _leadSignatures[i] = SignatureOf(activities[from[i]]);
            }

            _signature.AddRange(_leadSignatures.AsSpan(0, ticks.Length));
            _ticks.AddRange(ticks);
        }

        private int SignatureOf(Activity activity)
        {
            // Readers that intern their strings (storage's does, and the demo generator writes literals) are found by
            // the very strings an activity holds. For activities that share none, the reference hash of each new string
            // costs more than it saves: the shortcut is kept only when it finds half of the first lookups.
            SameStrings? byStrings = _stringLookups < MostByStrings || _stringHits * 2 >= _stringLookups
                ? SameStrings.Of(activity)
                : null;
            if (byStrings is { } key)
            {
                _stringLookups++;
                if (_byStrings.TryGetValue(key, out var known))
                {
                    _stringHits++;
                    return known;
                }
            }

            if (!_signatureIndex.TryGetValue(activity, out var id))
            {
                id = _signatures.Count;
                var signature = activity with { At = default };
                _signatures.Add(signature);
                _signatureIndex[signature] = id;
            }

            if (byStrings is { } newKey && _byStrings.Count < MostByStrings)
            {
                _byStrings[newKey] = id;
            }

            return id;
        }
    }
}
