namespace LeadScoringStudio.Core.Warehouse;

/// <summary>How the query names what it reads: the two tables and the scoring moment (a timestamp).</summary>
internal sealed record SqlInputs(string LeadsTable, string ActivitiesTable, string AsOf)
{
    /// <summary>The mapped tables by name, and the scoring moment as the dialect's parameter.</summary>
    public static SqlInputs Tables(WarehouseMapping mapping, SqlDialect dialect) =>
        new(Table(mapping.LeadsTable, dialect), Table(mapping.ActivitiesTable, dialect), dialect.AsOf);

    /// <summary>The tables as dbt sources, and the scoring moment as the dbt variable <c>as_of</c>, else the start
    /// of the run (UTC).</summary>
    public static SqlInputs Dbt(WarehouseMapping mapping, SqlDialect dialect) =>
        new($"{{{{ source('{mapping.DbtSource}', 'leads') }}}}",
            $"{{{{ source('{mapping.DbtSource}', 'activities') }}}}",
            dialect.TimestampFromText(
                "'{{ var(\"as_of\", run_started_at.strftime(\"%Y-%m-%dT%H:%M:%SZ\")) }}'"));

    private static string Table(string name, SqlDialect dialect) =>
        string.Join(".", WarehouseMapping.TableParts(name).Select(dialect.Identifier));
}
