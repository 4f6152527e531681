using System.ComponentModel.DataAnnotations;

namespace LeadScoringStudio.Data;

/// <summary>One committed import: who, when, which files, and what it did.</summary>
public sealed class ImportRecord
{
    public int Id { get; set; }

    public DateTimeOffset At { get; set; }

    [MaxLength(256)]
    public required string By { get; set; }

    [MaxLength(500)]
    public required string Files { get; set; }

    public int Rows { get; set; }

    public int Inserted { get; set; }

    public int Updated { get; set; }

    public int ActivitiesAdded { get; set; }

    /// <summary>Rows with problems the importer chose to skip.</summary>
    public int Skipped { get; set; }
}

/// <summary>The mapping last used for files with a given set of columns, offered again next time.</summary>
public sealed class SavedMappingRecord
{
    public int Id { get; set; }

    /// <summary>The file's column names, lower case, joined by "|".</summary>
    [MaxLength(2000)]
    public required string Columns { get; set; }

    public required string MappingJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
