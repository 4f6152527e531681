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

    /// <summary>Which rows were skipped, in words (see <see cref="Core.Import.ImportPlan.DescribeSkipped"/>).</summary>
    [MaxLength(4000)]
    public string? SkippedRows { get; set; }
}

/// <summary>The mapping last used for a column name (lower case), offered again for any file with a column of that
/// name.</summary>
public sealed class RememberedColumnRecord
{
    /// <summary>The key under which the activities file's mapping (its three column names) is remembered.</summary>
    public const string ActivitiesKey = "\u0001activities";

    public int Id { get; set; }

    [MaxLength(300)]
    public required string Column { get; set; }

    public required string MappingJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
