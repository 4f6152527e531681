using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Fields;

/// <summary>One field of the workspace: what people said about it, and what the leads hold in it.</summary>
public sealed record CatalogEntry(CatalogField Field, FieldProfile Profile)
{
    public string Key => Field.Key;
}

/// <summary>
/// The workspace's fields: every attribute the leads hold, every field the model knows and every field people
/// described. What people said (stored settings) wins; a field nobody described yet takes the model's label and
/// type, or the type its values have, and a dimension guessed from its name.
/// </summary>
public static class FieldCatalog
{
    public static IReadOnlyList<CatalogEntry> Compose(
        IReadOnlyList<CatalogField> stored, IReadOnlyList<FieldDefinition> modelFields,
            IReadOnlyList<FieldProfile> profiles, int leadCount)
    {
        var described = stored.GroupBy(f => f.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        var known = modelFields.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var profiled = profiles.ToDictionary(p => p.Key, StringComparer.OrdinalIgnoreCase);
        var keys = described.Keys.Concat(known.Keys).Concat(profiled.Keys).Distinct(StringComparer.OrdinalIgnoreCase);
        return keys.Select(key =>
            {
                var profile = profiled.GetValueOrDefault(key) ?? FieldProfile.Empty(key, leadCount);
                if (described.TryGetValue(key, out var field))
                {
                    return new CatalogEntry(field, profile);
                }

                var definition = known.GetValueOrDefault(key);
                var type = definition?.Type ?? profile.SeenType ?? Leads.FieldType.Text;
                return new CatalogEntry(CatalogField.Guess(definition?.Name ?? key, type, definition?.Label), profile);
            })
            .OrderBy(e => e.Field.Label, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
