namespace LeadScoringStudio.Core.Leads;

/// <summary>Attribute and property names are matched in any case. A lead or an activity holds its names this way from
/// the moment it is made, whatever dictionary the caller gave, so no later code depends on the caller's.</summary>
internal static class AnyCaseKeys
{
    /// <summary>The same dictionary when it already ignores case; else a copy that does (of names given in two
    /// spellings, the last stands).</summary>
    public static Dictionary<string, T> Of<T>(IReadOnlyDictionary<string, T> given)
    {
        if (given is Dictionary<string, T> dictionary
            && ReferenceEquals(dictionary.Comparer, StringComparer.OrdinalIgnoreCase))
        {
            return dictionary;
        }

        var copy = new Dictionary<string, T>(given.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in given)
        {
            copy[name] = value;
        }

        return copy;
    }
}
