using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Editing;

/// <summary>Condition values as people type them: separated by commas, spaces around them ignored.</summary>
public static class ValuesText
{
    public static string Format(IEnumerable<string> values) => string.Join(", ", values);

    public static ValueList<string> Parse(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToValueList();
}
