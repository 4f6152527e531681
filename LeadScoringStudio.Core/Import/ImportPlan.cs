using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Import;

/// <summary>A lead read from a file row: its id, the attributes the row gives values for (a missing value in API input
/// removes one), and its outcome if given.</summary>
public sealed record ImportedLead(int Line, string Id, IReadOnlyDictionary<string, FieldValue> Attributes,
    LeadOutcome? Outcome);

/// <summary>An activity read from an activities file row.</summary>
public sealed record ImportedActivity(int Line, string LeadId, Activity Activity);

/// <summary>A row left out of an import because it has problems.</summary>
public sealed record SkippedRow(string File, int Line);

/// <summary>
/// The outcome of a dry run: the leads and activities the files would write, every problem found (rows that could not
/// be read included), and the rows with problems (those rows are left out; they are written only if fixed).
/// </summary>
public sealed record ImportPlan(
    IReadOnlyList<ImportedLead> Leads, IReadOnlyList<ImportedActivity> Activities,
        IReadOnlyList<ImportProblem> Problems, IReadOnlyList<SkippedRow> SkippedRows)
{
    public bool IsClean => Problems.Count == 0;

    public int BadRows => SkippedRows.Count;

    /// <summary>The skipped rows per file in words, e.g. "leads.csv rows 3, 7; activities.csv row 12", the first
    /// <paramref name="most"/> of them named.</summary>
    public string DescribeSkipped(int most = 200)
    {
        var named = SkippedRows.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line).Take(most)
            .GroupBy(r => r.File)
            .Select(g => $"{g.Key} {(g.Count() == 1 ? "row" : "rows")} {string.Join(", ", g.Select(r => r.Line))}");
        var rest = SkippedRows.Count - most;
        return string.Join("; ", named) + (rest > 0 ? $" and {rest:N0} more" : "");
    }

    /// <summary>Problems with the file or mapping as a whole (no row): nothing can be imported until they are
    /// solved.</summary>
    public IReadOnlyList<ImportProblem> FileProblems => Problems.Where(p => p.Line is null).ToList();
}

/// <summary>
/// How to read values: which texts mean "no value" in every column (compared ignoring case and surrounding spaces),
/// and whether leads take their row number as id because the file has no id column.
/// </summary>
public sealed record ImportOptions(IReadOnlyCollection<string> MissingValues)
{
    public bool RowNumberIds { get; init; }

    public static ImportOptions Default { get; } = new(["", "Select", "N/A", "NA", "-", "null"]);

    public bool IsMissing(string value) => MissingValues.Any(m => string.Equals(m.Trim(), value.Trim(),
        StringComparison.OrdinalIgnoreCase));
}
