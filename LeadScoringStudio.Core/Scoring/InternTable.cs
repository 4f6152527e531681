namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// Numbers the distinct keys of one attribute column, 1 up, with open addressing: each slot holds its key, the key's
/// hash and its number side by side, so a look-up reads one slot (and, for text, the string it holds). A dictionary
/// reads a bucket, then an entry, then the key: with thousands of distinct values those are each a cache miss.
/// </summary>
internal sealed class InternTable<TKey>
    where TKey : notnull, IEquatable<TKey>
{
    private Slot[] _slots = new Slot[16];
    private int _shift = 64 - 4;

    public int Count { get; private set; }

    /// <summary>The number of <paramref name="key"/>, or 0 after giving it <paramref name="newId"/>, which must not be
    /// 0.</summary>
    public int IdOf(TKey key, int newId)
    {
        var hash = key.GetHashCode();
        var mask = _slots.Length - 1;
        for (var i = Home(hash); ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Id == 0)
            {
                slot = new Slot(key, hash, newId);
                if (++Count * 2 > _slots.Length)
                {
                    Grow();
                }

                return 0;
            }

            if (slot.Hash == hash && key.Equals(slot.Key))
            {
                return slot.Id;
            }
        }
    }

    /// <summary>The slot a hash starts at: the hash spread over all bits (Fibonacci hashing), its top bits taken, so
    /// numbers whose low bits are all 0, as whole numbers stored as doubles are, still spread out.</summary>
    private int Home(int hash) => (int)(((ulong)(uint)hash * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[2 * old.Length];
        _shift--;
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Id == 0)
            {
                continue;
            }

            var i = Home(slot.Hash);
            while (_slots[i].Id != 0)
            {
                i = (i + 1) & mask;
            }

            _slots[i] = slot;
        }
    }

    private readonly record struct Slot(TKey Key, int Hash, int Id);
}
