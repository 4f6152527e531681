using System.Globalization;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Warehouse;

/// <summary>How the SQL is packaged: a plain statement, or a dbt model file.</summary>
public enum SqlFormat
{
    Plain,
    Dbt,
}

/// <summary>The published version the SQL is of, for its header comment.</summary>
public sealed record SqlHeader(string ModelName, int Version, string PublishedBy, DateTimeOffset PublishedAt);

/// <summary>The SQL of a model version, or the sentences that say why it cannot be written exactly.</summary>
public sealed record WarehouseSqlResult(string? Sql, IReadOnlyList<string> Problems);

/// <summary>
/// Compiles a model into one SQL statement that scores every lead of the mapped warehouse tables with the same
/// numbers as the core: fit, engagement, total, grades, cell, MQL, disqualification, action, route, the three
/// biggest reasons and the category scores.
/// </summary>
public static class WarehouseSql
{
    public static WarehouseSqlResult Write(ScoringModel model, SqlHeader header, WarehouseMapping mapping,
        SqlDialect dialect, SqlFormat format = SqlFormat.Plain)
    {
        var problems = Problems(model, mapping, format);
        if (problems.Count > 0)
        {
            return new WarehouseSqlResult(null, problems);
        }

        var inputs = format == SqlFormat.Dbt ? SqlInputs.Dbt(mapping, dialect) : SqlInputs.Tables(mapping, dialect);
        var comments = HeaderLines(model, header, mapping, dialect, format).Select(line => $"-- {line}\n");
        var text = string.Concat(comments) + "\n" + new ScoringQuery(model, mapping, dialect, inputs).Write();
        if (format == SqlFormat.Plain)
        {
            return new WarehouseSqlResult(text + ";\n", []);
        }

        // Jinja reads every {{, {% and {# of a dbt model, comments and strings too: only the model's own may be there.
        var written = text.Replace(inputs.LeadsTable, "").Replace(inputs.ActivitiesTable, "").Replace(inputs.AsOf, "");
        return HasTemplateMarks(written)
            ? new WarehouseSqlResult(null,
            [
                "A label, reason or name in the model or the mapping holds '{{', '{%' or '{#', which dbt would read " +
                "as a template.",
            ])
            : new WarehouseSqlResult("{{ config(materialized='table') }}\n\n" + text + "\n", []);
    }

    /// <summary>Why the model cannot be written exactly under the mapping, one sentence each; empty when it
    /// can.</summary>
    public static IReadOnlyList<string> Problems(ScoringModel model, WarehouseMapping mapping,
        SqlFormat format = SqlFormat.Plain)
    {
        var problems = WarehouseSqlCheck.Problems(model).Concat(mapping.Problems()).ToList();
        if (format == SqlFormat.Dbt && DbtSources.Problem(mapping) is { } dbt)
        {
            problems.Add(dbt);
        }

        return problems;
    }

    private static bool HasTemplateMarks(string text) =>
        text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal)
        || text.Contains("{#", StringComparison.Ordinal);

    private static IEnumerable<string> HeaderLines(ScoringModel model, SqlHeader header, WarehouseMapping mapping,
        SqlDialect dialect, SqlFormat format)
    {
        var published = header.PublishedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        yield return $"Lead Scoring Studio: {Line(header.ModelName)}, version {header.Version}, " +
                     $"published by {Line(header.PublishedBy)} on {published} UTC.";
        yield return $"{dialect.Name}{(format == SqlFormat.Dbt ? " (dbt model)" : "")}: one row per lead with fit, " +
                     "engagement, total, grades, cell, MQL, disqualified, action, route, the three biggest reasons " +
                     "and the category scores; the same numbers as the studio.";
        var fields = ModelReads.Fields(model).Select(mapping.ColumnOf).Prepend(mapping.LeadIdColumn);
        yield return $"Reads {mapping.LeadsTable}({string.Join(", ", fields)})";
        yield return $"  and {mapping.ActivitiesTable}({mapping.ActivityLeadIdColumn}, {mapping.ActivityTypeColumn}, " +
                     $"{mapping.OccurredAtColumn}, {mapping.PropertiesColumn}: a JSON object with keys in lower case).";
        yield return format == SqlFormat.Dbt
            ? "Scores at the run's start, or at --vars '{as_of: \"2026-12-01T00:00:00Z\"}'."
            : $"Set the scoring moment first: {dialect.AsOfHelp}";
    }

    private static string Line(string text) => text.ReplaceLineEndings(" ");
}
