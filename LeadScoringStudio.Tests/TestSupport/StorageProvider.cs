namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>The database a storage test runs on.</summary>
public enum StorageProvider
{
    Sqlite,

    /// <summary>A fresh database on the server <see cref="TestPostgreSql"/> names; tests skip when there is
    /// none.</summary>
    PostgreSql,
}
