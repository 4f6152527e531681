namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// A column a <see cref="LeadBatch"/> is built into: it grows in blocks, so growing never copies what it holds (a list
/// doubling its array holds three times the values for a moment), and a position never written comes out as default.
/// </summary>
internal sealed class GrowingColumn<T>
    where T : unmanaged
{
    private const int BlockBits = 18;
    private const int BlockSize = 1 << BlockBits;

    private readonly List<T[]> _blocks = [];

    /// <summary>One past the last position written.</summary>
    public int Count { get; private set; }

    /// <summary>Writes <paramref name="value"/> at <paramref name="position"/>, growing the column to reach
    /// it.</summary>
    public void Set(int position, T value)
    {
        while (_blocks.Count <= position >> BlockBits)
        {
            _blocks.Add(new T[BlockSize]);
        }

        _blocks[position >> BlockBits][position & (BlockSize - 1)] = value;
        Count = Math.Max(Count, position + 1);
    }

    public void Add(T value) => Set(Count, value);

    /// <summary>Adds <paramref name="values"/> a block's worth at a time.</summary>
    public void AddRange(ReadOnlySpan<T> values)
    {
        while (!values.IsEmpty)
        {
            while (_blocks.Count <= Count >> BlockBits)
            {
                _blocks.Add(new T[BlockSize]);
            }

            var offset = Count & (BlockSize - 1);
            var length = Math.Min(values.Length, BlockSize - offset);
            values[..length].CopyTo(_blocks[Count >> BlockBits].AsSpan(offset));
            Count += length;
            values = values[length..];
        }
    }

    /// <summary>The first <paramref name="count"/> positions as one array. Each block is let go once copied; the
    /// column is empty after.</summary>
    public T[] ToArray(int count)
    {
        var array = new T[count];
        for (var block = 0; block < _blocks.Count && block * BlockSize < count; block++)
        {
            var length = Math.Min(BlockSize, count - (block * BlockSize));
            _blocks[block].AsSpan(0, length).CopyTo(array.AsSpan(block * BlockSize));
            _blocks[block] = [];
        }

        _blocks.Clear();
        Count = 0;
        return array;
    }
}
