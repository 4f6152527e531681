using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace LeadScoringStudio.Data;

/// <summary>A lead whose scores moved while its stage and hot products stay: its state's new numbers and a new point
/// of its score history.</summary>
public sealed record ScoreMove(int StateId, string LeadId, int Fit, int Engagement, int Total, bool IsMql,
    int ModelVersion);

/// <summary>
/// Writes score moves in bulk, in one transaction: each state's new numbers by its primary key and each new history
/// point, as statements PostgreSQL receives in batches of one round trip each and SQLite (in process) runs prepared,
/// one per row. After a publish that moves a tenth of a million leads this is most of a rescore's writing, which the
/// change tracker (and multi-row inserts through it) took seconds over.
/// </summary>
public static class ScoreMoves
{
    private const int PerBatch = 500;

    private const string UpdateState = """
        UPDATE "LeadStates" SET "Fit" = @fit, "Engagement" = @engagement, "Total" = @total, "IsMql" = @mql
        WHERE "Id" = @id
        """;

    private const string InsertPoint = """
        INSERT INTO "ScorePoints" ("LeadId", "At", "Fit", "Engagement", "Total", "IsMql", "ModelVersion")
        VALUES (@lead, @at, @fit, @engagement, @total, @mql, @version)
        """;

    public static async Task WriteAsync(StudioDbContext db, IReadOnlyList<ScoreMove> moves, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (connection, open) = (db.Database.GetDbConnection(), transaction.GetDbTransaction());
        await ExecuteEachAsync(connection, open, UpdateState, moves.Select(m => new (string, object)[]
        {
            ("@fit", m.Fit), ("@engagement", m.Engagement), ("@total", m.Total), ("@mql", m.IsMql), ("@id", m.StateId),
        }), cancellationToken);
        await ExecuteEachAsync(connection, open, InsertPoint, moves.Select(m => new (string, object)[]
        {
            ("@lead", m.LeadId), ("@at", at), ("@fit", m.Fit), ("@engagement", m.Engagement), ("@total", m.Total),
            ("@mql", m.IsMql), ("@version", m.ModelVersion),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="sql"/> once per row of parameter values.</summary>
    private static async Task ExecuteEachAsync(DbConnection connection, DbTransaction transaction, string sql,
        IEnumerable<(string Name, object Value)[]> rows, CancellationToken cancellationToken)
    {
        if (connection.CanCreateBatch)
        {
            foreach (var chunk in rows.Chunk(PerBatch))
            {
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                foreach (var row in chunk)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = sql;
                    foreach (var (name, value) in row)
                    {
                        var parameter = command.CreateParameter();
                        (parameter.ParameterName, parameter.Value) = (name, value);
                        command.Parameters.Add(parameter);
                    }

                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync(cancellationToken);
            }

            return;
        }

        await using var prepared = connection.CreateCommand();
        (prepared.Transaction, prepared.CommandText) = (transaction, sql);
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (prepared.Parameters.Count == i)
                {
                    var parameter = prepared.CreateParameter();
                    parameter.ParameterName = row[i].Name;
                    prepared.Parameters.Add(parameter);
                }

                prepared.Parameters[i].Value = row[i].Value;
            }

            await prepared.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
