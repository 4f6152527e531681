using System.ComponentModel.DataAnnotations;
using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Data;

/// <summary>What people said about one field of the workspace (see <see cref="CatalogField"/>): written by imports and
/// the Fields page.</summary>
public sealed class FieldRecord
{
    public int Id { get; set; }

    [MaxLength(200)]
    public required string Key { get; set; }

    [MaxLength(300)]
    public required string Label { get; set; }

    public FieldType Type { get; set; }

    public Dimension Dimension { get; set; }

    public KnownBeforeContact KnownBeforeContact { get; set; }

    public bool LeftOut { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    [MaxLength(256)]
    public string UpdatedBy { get; set; } = "";

    public CatalogField ToField() => new(Key, Label, Type, Dimension, KnownBeforeContact, LeftOut);

    public void Set(CatalogField field)
    {
        (Label, Type, Dimension, KnownBeforeContact, LeftOut) = (field.Label, field.Type, field.Dimension,
            field.KnownBeforeContact, field.LeftOut);
    }
}
