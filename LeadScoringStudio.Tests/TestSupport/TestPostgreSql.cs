using Npgsql;

namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>
/// The PostgreSQL server storage tests may use: the connection string in <c>STUDIO_TEST_POSTGRESQL</c> (a user that
/// may create databases; <c>.ci/run</c> starts a private server and sets it). Each test gets a database of its own,
/// dropped afterwards.
/// </summary>
public static class TestPostgreSql
{
    public const string Variable = "STUDIO_TEST_POSTGRESQL";

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
        ? server
        : null;

    public static string SkipReason =>
        $"No PostgreSQL server for tests: {Variable} is not set (bash .ci/run starts one and sets it).";

    /// <summary>Creates an empty database and returns the connection string to it.</summary>
    public static string CreateDatabase(string name)
    {
        Execute($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    public static void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
