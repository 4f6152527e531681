using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>How a <see cref="Builder"/> interns what repeats from lead to lead: attribute values per column, activity
/// signatures by content and, for readers that share their strings, by the very strings.</summary>
public sealed partial class LeadBatch
{
    /// <summary>One attribute column being built: each lead's value as an index into the field's distinct values.
    /// Missing is always 0; text and numbers, most values, are found by their text or number alone, which hashes faster
    /// than the whole value.</summary>
    private sealed class ColumnBuilder
    {
        private readonly Dictionary<string, int> _textIndex = new(StringComparer.Ordinal);
        private readonly Dictionary<double, int> _numberIndex = [];
        private readonly Dictionary<FieldValue, int> _otherIndex = [];

        public ColumnBuilder()
        {
        }

        public ColumnBuilder(AttributeColumn column)
        {
            ValueIds.AddRange(column.ValueIds);
            foreach (var value in column.Values.Skip(1))
            {
                IdOf(value);
            }
        }

        /// <summary>Positions no value was set at hold 0: missing.</summary>
        public GrowingColumn<int> ValueIds { get; } = new();

        public List<FieldValue> Values { get; } = [FieldValue.Missing];

        public int IdOf(FieldValue value)
        {
            if (value.IsMissing)
            {
                return 0;
            }

            ref var id = ref value.Type == FieldType.Text
                ? ref CollectionsMarshal.GetValueRefOrAddDefault(_textIndex, value.Text!, out var known)
                : ref value.Type == FieldType.Number
                    ? ref CollectionsMarshal.GetValueRefOrAddDefault(_numberIndex, value.Number, out known)
                    : ref CollectionsMarshal.GetValueRefOrAddDefault(_otherIndex, value, out known);
            if (!known)
            {
                id = Values.Count;
                Values.Add(value);
            }

            return id;
        }

        public AttributeColumn Build(int leads) => new(ValueIds.ToArray(leads), [.. Values]);
    }

    /// <summary>Activities of the very same type string, with the very same name and value strings in the same order
    /// (or the very same properties dictionary, as storage's reader shares them): they score alike, and telling so costs
    /// no look at a character.</summary>
    private sealed class SameStrings : IEqualityComparer<Activity>
    {
        public static readonly SameStrings Comparer = new();

        public bool Equals(Activity? x, Activity? y)
        {
            if (x is null || y is null || !ReferenceEquals(x.Type, y.Type)
                || x.AnyCaseProperties.Count != y.AnyCaseProperties.Count)
            {
                return false;
            }

            if (ReferenceEquals(x.AnyCaseProperties, y.AnyCaseProperties))
            {
                return true;
            }

            using var theirs = y.AnyCaseProperties.GetEnumerator();
            foreach (var (name, value) in x.AnyCaseProperties)
            {
                theirs.MoveNext();
                if (!ReferenceEquals(name, theirs.Current.Key) || !ReferenceEquals(value, theirs.Current.Value))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(Activity activity)
        {
            var hash = RuntimeHelpers.GetHashCode(activity.Type);
            foreach (var (name, value) in activity.AnyCaseProperties)
            {
                hash = HashCode.Combine(hash, RuntimeHelpers.GetHashCode(name), RuntimeHelpers.GetHashCode(value));
            }

            return hash;
        }
    }

    /// <summary>
    /// Activities that score alike: the same type and the same properties, type and names in any case, values as
    /// written; when they happened does not count. Compared without building keys: an activity's properties already
    /// ignore the case of their names.
    /// </summary>
    private sealed class SameSignature : IEqualityComparer<Activity>
    {
        public static readonly SameSignature Comparer = new();

        public bool Equals(Activity? x, Activity? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.Properties.Count != y.Properties.Count
                || !string.Equals(x.Type, y.Type, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return SameInOrder(x.AnyCaseProperties, y.AnyCaseProperties)
                || SameByName(x.AnyCaseProperties, y.AnyCaseProperties);
        }

        /// <summary>The type and the names are hashed by their length only, the values as written: cheap, and
        /// signatures differ in their values far more often than in the length of their names. The properties'
        /// hashes are added, so their order does not matter.</summary>
        public int GetHashCode(Activity activity)
        {
            var properties = 0;
            foreach (var (name, value) in activity.AnyCaseProperties)
            {
                properties += HashCode.Combine(name.Length, value);
            }

            return HashCode.Combine(activity.Type.Length, properties);
        }

        /// <summary>The usual case: the same names (in any case) in the same order, with the same values.</summary>
        private static bool SameInOrder(Dictionary<string, string> x, Dictionary<string, string> y)
        {
            using var theirs = y.GetEnumerator();
            foreach (var (name, value) in x)
            {
                theirs.MoveNext();
                var (otherName, otherValue) = theirs.Current;
                if (!string.Equals(value, otherValue, StringComparison.Ordinal)
                    || !(ReferenceEquals(name, otherName)
                        || string.Equals(name, otherName, StringComparison.OrdinalIgnoreCase)))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SameByName(Dictionary<string, string> x, Dictionary<string, string> y)
        {
            foreach (var (name, value) in x)
            {
                if (!y.TryGetValue(name, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
