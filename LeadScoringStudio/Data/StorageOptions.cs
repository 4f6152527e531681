using System.ComponentModel.DataAnnotations;

namespace LeadScoringStudio.Data;

/// <summary>Where and how the studio stores its data (section "Storage" of appsettings.json).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"Sqlite" (embedded, the default). Other providers plug in here.</summary>
    [Required]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The folder holding the database file, created on first run; a relative path is taken from the app's folder.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    public string DatabasePath(string contentRoot) =>
        Path.Combine(Path.GetFullPath(DataFolder, contentRoot), "studio.db");
}
