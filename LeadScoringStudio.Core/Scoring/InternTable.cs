namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// Finds the number an attribute column gave each distinct key, with open addressing. A slot holds only a key's hash
/// and number (8 bytes, half the table empty at most), so the part read at random stays small enough for the cache
/// even with a million distinct values; the keys are kept by their number. A look-up reads one slot and, when the
/// hashes agree, the key it is compared with.
/// </summary>
internal sealed class InternTable<TKey>
    where TKey : notnull, IEquatable<TKey>
{
    private Slot[] _slots = new Slot[16];
    private TKey[] _keys = new TKey[8];
    private int _shift = 64 - 4;

    public int Count { get; private set; }

    /// <summary>The number of <paramref name="key"/>, or 0 after giving it <paramref name="newId"/>, which must be more
    /// than 0.</summary>
    public int IdOf(TKey key, int newId)
    {
        var hash = key.GetHashCode();
        var mask = _slots.Length - 1;
        for (var i = Home(hash); ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Id == 0)
            {
                Add(ref slot, key, hash, newId);
                return 0;
            }

            if (slot.Hash == hash && key.Equals(_keys[slot.Id]))
            {
                return slot.Id;
            }
        }
    }

    private void Add(ref Slot slot, TKey key, int hash, int id)
    {
        if (id >= _keys.Length)
        {
            Array.Resize(ref _keys, Math.Max(id + 1, 2 * _keys.Length));
        }

        _keys[id] = key;
        slot = new Slot(hash, id);
        if (++Count * 2 > _slots.Length)
        {
            Grow();
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

    private readonly record struct Slot(int Hash, int Id);
}
