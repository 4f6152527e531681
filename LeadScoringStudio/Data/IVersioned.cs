namespace LeadScoringStudio.Data;

/// <summary>
/// A row guarded against lost updates: <see cref="Version"/> goes up by one on every save, and a save
/// that read an older version fails. (SQLite has no row version of its own, so the app keeps it.)
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
