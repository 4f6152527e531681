using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Editing;

/// <summary>The list operations the editor offers (add, duplicate, remove, move), on immutable lists.</summary>
public static class ListEdits
{
    public static ValueList<T> Add<T>(this ValueList<T> list, T item) => list.Append(item).ToValueList();

    public static ValueList<T> InsertAt<T>(this ValueList<T> list, int index, T item)
    {
        var items = list.ToList();
        items.Insert(index, item);
        return items.ToValueList();
    }

    public static ValueList<T> RemoveAt<T>(this ValueList<T> list, int index)
    {
        var items = list.ToList();
        items.RemoveAt(index);
        return items.ToValueList();
    }

    /// <summary>Moves the item at <paramref name="index"/> by <paramref name="offset"/> places, stopping at either end.</summary>
    public static ValueList<T> Move<T>(this ValueList<T> list, int index, int offset)
    {
        var target = Math.Clamp(index + offset, 0, list.Count - 1);
        if (target == index)
        {
            return list;
        }

        var items = list.ToList();
        var item = items[index];
        items.RemoveAt(index);
        items.Insert(target, item);
        return items.ToValueList();
    }

    /// <summary>An id not yet in <paramref name="taken"/>: <paramref name="stem"/> itself, or stem-2, stem-3, ….</summary>
    public static string UniqueId(string stem, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!used.Contains(stem))
        {
            return stem;
        }

        var number = 2;
        while (used.Contains($"{stem}-{number}"))
        {
            number++;
        }

        return $"{stem}-{number}";
    }
}
