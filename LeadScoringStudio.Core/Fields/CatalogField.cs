using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Fields;

/// <summary>Whether a field's value is known before sales first talks to the lead (else it may give the outcome
/// away).</summary>
public enum KnownBeforeContact
{
    NotSure,
    Yes,
    No,
}

/// <summary>
/// A field of the workspace as people describe it: key, label, type, whether it says who the lead is (fit) or what
/// they did (engagement), whether it is known before first sales contact, and whether it is left out of tuning.
/// </summary>
public sealed record CatalogField(
    string Key, string Label, FieldType Type, Dimension Dimension,
    KnownBeforeContact KnownBeforeContact = KnownBeforeContact.NotSure, bool LeftOut = false)
{
    public FieldDefinition Definition => new(Key, Label, Type);

    /// <summary>A field met for the first time: labelled after its key, its dimension guessed from its name.</summary>
    public static CatalogField Guess(string key, FieldType type, string? label = null) =>
        new(key, label ?? LabelOf(key), type, DimensionGuess.For(label ?? key));

    /// <summary>"time_on_site" reads as "Time on site".</summary>
    public static string LabelOf(string key)
    {
        var words = key.Replace('_', ' ').Trim();
        return words.Length == 0 ? key : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
