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
        private readonly InternTable<string> _textIndex = new();
        private readonly InternTable<double> _numberIndex = new();
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

            var id = Values.Count;
            var known = value.Type == FieldType.Text ? _textIndex.IdOf(value.Text!, id)
                : value.Type == FieldType.Number ? _numberIndex.IdOf(value.Number, id)
                : OtherIdOf(value, id);
            if (known != 0)
            {
                return known;
            }

            Values.Add(value);
            return id;
        }

        public AttributeColumn Build(int leads) => new(ValueIds.ToArray(leads), [.. Values]);

        /// <summary>As <see cref="InternTable{TKey}.IdOf"/>, for yes/no and dates: one look-up.</summary>
        private int OtherIdOf(FieldValue value, int newId)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_otherIndex, value, out var known);
            if (known)
            {
                return id;
            }

            id = newId;
            return 0;
        }
    }

    /// <summary>
    /// An activity's type and its properties' names and values as the very strings it holds (properties in their
    /// order), or for more than three properties its very properties dictionary, as storage's reader shares them.
    /// Activities with the same key score alike; two keys are told apart without a look at a character, and without
    /// leaving the key for the activity it came from.
    /// </summary>
    private readonly struct SameStrings : IEquatable<SameStrings>
    {
        private const int MostProperties = 3;

        private readonly string _type;
        private readonly object? _name1;
        private readonly object? _value1;
        private readonly object? _name2;
        private readonly object? _value2;
        private readonly object? _name3;
        private readonly object? _value3;
        private readonly int _hash;

        private SameStrings(string type, object? name1, object? value1, object? name2 = null, object? value2 = null,
            object? name3 = null, object? value3 = null)
        {
            (_type, _name1, _value1, _name2, _value2, _name3, _value3) =
                (type, name1, value1, name2, value2, name3, value3);
            _hash = HashCode.Combine(RuntimeHelpers.GetHashCode(type), RuntimeHelpers.GetHashCode(name1),
                RuntimeHelpers.GetHashCode(value1), RuntimeHelpers.GetHashCode(name2),
                RuntimeHelpers.GetHashCode(value2), RuntimeHelpers.GetHashCode(name3),
                RuntimeHelpers.GetHashCode(value3));
        }

        public static SameStrings Of(Activity activity)
        {
            var properties = activity.AnyCaseProperties;
            if (properties.Count > MostProperties)
            {
                return new SameStrings(activity.Type, properties, null);
            }

            using var each = properties.GetEnumerator();
            var first = each.MoveNext() ? each.Current : default;
            var second = each.MoveNext() ? each.Current : default;
            var third = each.MoveNext() ? each.Current : default;
            return new SameStrings(activity.Type, first.Key, first.Value, second.Key, second.Value, third.Key,
                third.Value);
        }

        public bool Equals(SameStrings other) =>
            _hash == other._hash && ReferenceEquals(_type, other._type)
            && ReferenceEquals(_name1, other._name1) && ReferenceEquals(_value1, other._value1)
            && ReferenceEquals(_name2, other._name2) && ReferenceEquals(_value2, other._value2)
            && ReferenceEquals(_name3, other._name3) && ReferenceEquals(_value3, other._value3);

        public override bool Equals(object? obj) => obj is SameStrings other && Equals(other);

        public override int GetHashCode() => _hash;
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
