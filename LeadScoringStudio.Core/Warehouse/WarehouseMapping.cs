using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Warehouse;

/// <summary>The warehouse column that holds one field, when it is not the column of the field's own name.</summary>
public sealed record FieldColumn(string Field, string Column);

/// <summary>
/// Where a workspace's leads and activities are in the warehouse, set once per workspace: a leads table with an id and
/// a column per field (named as the field unless <see cref="FieldColumns"/> says otherwise), and an activities table
/// with the lead id, the type, when it happened and its properties as a JSON object whose keys are in lower case.
/// </summary>
public sealed record WarehouseMapping
{
    public const int MaxNameLength = 128;

    public static WarehouseMapping Default { get; } = new();

    /// <summary>The leads table, optionally with its schema ("crm.leads").</summary>
    public string LeadsTable { get; init; } = "leads";

    public string LeadIdColumn { get; init; } = "id";

    public ValueList<FieldColumn> FieldColumns { get; init; } = [];

    /// <summary>The activities table, optionally with its schema ("crm.activities").</summary>
    public string ActivitiesTable { get; init; } = "activities";

    public string ActivityLeadIdColumn { get; init; } = "lead_id";

    public string ActivityTypeColumn { get; init; } = "type";

    /// <summary>A timestamp; one without a time zone counts as UTC.</summary>
    public string OccurredAtColumn { get; init; } = "occurred_at";

    /// <summary>A JSON object (JSON, jsonb or text) of the activity's properties.</summary>
    public string PropertiesColumn { get; init; } = "properties";

    /// <summary>The dbt source both tables belong to.</summary>
    public string DbtSource { get; init; } = "crm";

    /// <summary>The column that holds the field.</summary>
    public string ColumnOf(string field) =>
        FieldColumns.FirstOrDefault(c => string.Equals(c.Field, field, StringComparison.OrdinalIgnoreCase))?.Column
        ?? field;

    /// <summary>A copy in which the field is read from the given column (its own name when blank).</summary>
    public WarehouseMapping WithColumn(string field, string? column)
    {
        var others = FieldColumns.Where(c => !string.Equals(c.Field, field, StringComparison.OrdinalIgnoreCase));
        return this with
        {
            FieldColumns = string.IsNullOrWhiteSpace(column)
                           || string.Equals(column.Trim(), field, StringComparison.Ordinal)
                ? others.ToValueList()
                : others.Append(new FieldColumn(field, column.Trim())).ToValueList(),
        };
    }

    /// <summary>What is wrong with the names, one sentence each naming the setting; empty when they are
    /// usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Check(problems, "Leads table", LeadsTable, table: true);
        Check(problems, "Lead id column", LeadIdColumn);
        Check(problems, "Activities table", ActivitiesTable, table: true);
        Check(problems, "Activity lead id column", ActivityLeadIdColumn);
        Check(problems, "Activity type column", ActivityTypeColumn);
        Check(problems, "Occurred-at column", OccurredAtColumn);
        Check(problems, "Properties column", PropertiesColumn);
        Check(problems, "dbt source", DbtSource);
        foreach (var column in FieldColumns)
        {
            Check(problems, $"Column of field '{column.Field}'", column.Column);
        }

        return problems;
    }

    /// <summary>The parts of a table name: the schema (if any) and the table.</summary>
    public static IReadOnlyList<string> TableParts(string table) => table.Split('.');

    private static void Check(List<string> problems, string setting, string name, bool table = false)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add($"{setting} is empty.");
        }
        else if (name.Length > MaxNameLength)
        {
            problems.Add($"{setting} is longer than {MaxNameLength} characters.");
        }
        else if (name.Any(char.IsControl) || name != name.Trim())
        {
            problems.Add($"{setting} has spaces at its ends or control characters: '{name}'.");
        }
        else if (table ? TableParts(name).Count > 2 || TableParts(name).Any(p => p.Length == 0) : name.Contains('.'))
        {
            problems.Add(table
                ? $"{setting} should be a table or schema.table, not '{name}'."
                : $"{setting} should be a plain column name without a dot, not '{name}'.");
        }
    }
}
