using System.Globalization;
using System.Text;

namespace LeadScoringStudio.Core.Models;

/// <summary>A model's key: its name in lower-case letters, digits and hyphens, unique in the workspace, for
/// addresses (<c>?model=smb</c>, <c>/api/v1/models/smb/score</c>).</summary>
public static class ModelKeys
{
    public const int MaxLength = 60;

    /// <summary>The key for <paramref name="name"/>, with "-2", "-3", … added when it is taken.</summary>
    public static string For(string name, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        var stem = Slug(name);
        var key = stem;
        for (var n = 2; used.Contains(key); n++)
        {
            key = $"{stem}-{n}";
        }

        return key;
    }

    private static string Slug(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        var slug = text.ToString().Trim('-');
        slug = slug.Length > MaxLength - 4 ? slug[..(MaxLength - 4)].TrimEnd('-') : slug;
        return slug.Length == 0 ? "model" : slug;
    }
}
