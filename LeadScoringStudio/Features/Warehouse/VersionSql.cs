using System.Text;
using LeadScoringStudio.Core.Warehouse;
using LeadScoringStudio.Features.Api;
using LeadScoringStudio.Features.Models;

namespace LeadScoringStudio.Features.Warehouse;

/// <summary>
/// The SQL of a published version under the workspace's mapping, as a file: for the Versions tab's download and the
/// API alike. A version the SQL cannot express exactly is refused with the sentences that say why.
/// </summary>
public sealed class VersionSql(PublishedModels published, WarehouseMappings mappings)
{
    /// <summary>The file, or 404 when the version does not exist, 400 when the dialect or format is unknown, and 422
    /// when the model cannot be written exactly.</summary>
    public async Task<IResult> FileAsync(ModelEntry entry, int number, string? dialectKey, string? formatName)
    {
        if (SqlDialect.Find(dialectKey) is not { } dialect)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["dialect"] =
                    [$"'{dialectKey}' is not a dialect; use {string.Join(", ", SqlDialect.All.Select(d => d.Key))}"],
            }, title: "The dialect is not understood.");
        }

        if (ParseFormat(formatName) is not { } format)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["format"] = [$"'{formatName}' is not a format; use sql or dbt"],
            }, title: "The format is not understood.");
        }

        if (await published.GetAsync(entry.Id, number) is not { } version)
        {
            return Results.Problem($"The model '{entry.Key}' has no published version {number}.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var mapping = (await mappings.GetAsync()).Mapping;
        var header = new SqlHeader(entry.Name, version.Number, version.PublishedBy, version.PublishedAt);
        var written = WarehouseSql.Write(version.Model, header, mapping, dialect, format);
        return written.Sql is { } sql
            ? Results.File(Encoding.UTF8.GetBytes(sql), "text/plain; charset=utf-8",
                FileName(entry, number, dialect, format))
            : Results.Problem(string.Join(" ", written.Problems), statusCode: StatusCodes.Status422UnprocessableEntity,
                title: $"Version {number} of '{entry.Name}' cannot be written as {dialect.Name} exactly.");
    }

    /// <summary>"sql" (or nothing) for a plain statement, "dbt" for a dbt model file.</summary>
    private static SqlFormat? ParseFormat(string? name) => name?.ToLowerInvariant() switch
    {
        null or "" or "sql" => SqlFormat.Plain,
        "dbt" => SqlFormat.Dbt,
        _ => null,
    };

    /// <summary>A dbt model is named by its file, so that name is a table name: lead_scores_enterprise.</summary>
    private static string FileName(ModelEntry entry, int number, SqlDialect dialect, SqlFormat format) =>
        format == SqlFormat.Dbt
            ? $"lead_scores_{string.Concat(entry.Key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'))}.sql"
                .ToLowerInvariant()
            : $"{entry.Key}-v{number}.{dialect.Key}.sql";
}
