using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LeadScoringStudio.Benchmarks;

/// <summary>Changes a benchmark makes to a studio database behind the studio's back.</summary>
internal static class BigDatabase
{
    /// <summary>Gives one lead in ten a stored score that no longer holds, as a publish that moves a tenth of the
    /// leads does: the next rescore scores those in full and writes them. Returns how many.</summary>
    public static async Task<int> MoveEveryTenthAsync(bool postgreSql, string connection)
    {
        await using DbConnection open = postgreSql
            ? new NpgsqlConnection(connection)
            : new SqliteConnection(connection);
        await open.OpenAsync();
        await using var command = open.CreateCommand();
        command.CommandText = """UPDATE "LeadStates" SET "Total" = -1 WHERE "Id" % 10 = 0""";
        command.CommandTimeout = 600;
        return await command.ExecuteNonQueryAsync();
    }
}
