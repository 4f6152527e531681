using System.ComponentModel.DataAnnotations;

namespace LeadScoringStudio.Data;

/// <summary>Where and how the studio stores its data (section "Storage" of appsettings.json).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string Sqlite = "Sqlite";

    public const string PostgreSql = "PostgreSql";

    /// <summary>The connection string's name under "ConnectionStrings" (PostgreSQL).</summary>
    public const string ConnectionName = "Studio";

    /// <summary>"Sqlite" (embedded, the default: a file in <see cref="DataFolder"/>) or "PostgreSql" (the server
    /// <c>ConnectionStrings:Studio</c> names).</summary>
    [Required]
    [RegularExpression("(?i)^(sqlite|postgres|postgresql)$",
        ErrorMessage = "Storage:Provider is either Sqlite or PostgreSql.")]
    public string Provider { get; set; } = Sqlite;

    public bool IsPostgreSql => Provider.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder holding the database file, created on first run; a relative path is taken from the app's folder.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    public string DatabasePath(string contentRoot) =>
        Path.Combine(Path.GetFullPath(DataFolder, contentRoot), "studio.db");
}
