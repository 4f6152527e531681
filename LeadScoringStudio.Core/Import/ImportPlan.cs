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
/// The outcome of a dry run: how many leads and activities the files would write, the problems found (rows that could
/// not be read included; the first <see cref="MaxListed"/> are kept, all are counted), and the rows with problems
/// (those rows are left out; they are written only if fixed). The leads and activities themselves are read again
/// from the files, one at a time, by <see cref="ReadLeads"/> and <see cref="ReadActivities"/>: a plan for a million
/// rows holds no rows.
/// </summary>
public sealed class ImportPlan
{
    public const int MaxListed = 1_000;

    private readonly Func<IEnumerable<ImportedLead>> _leads;
    private readonly Func<IEnumerable<ImportedActivity>> _activities;

    internal ImportPlan(int leadCount, int activityCount, IReadOnlyList<ImportProblem> problems, int problemCount,
        IReadOnlyList<SkippedRow> skippedRows, Func<IEnumerable<ImportedLead>> leads,
        Func<IEnumerable<ImportedActivity>> activities)
    {
        (LeadCount, ActivityCount, Problems, ProblemCount, SkippedRows) =
            (leadCount, activityCount, problems, problemCount, skippedRows);
        (_leads, _activities) = (leads, activities);
    }

    public int LeadCount { get; }

    public int ActivityCount { get; }

    /// <summary>The first <see cref="MaxListed"/> problems, those of the files as a whole first.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; }

    public int ProblemCount { get; }

    public IReadOnlyList<SkippedRow> SkippedRows { get; }

    public bool IsClean => ProblemCount == 0;

    public int BadRows => SkippedRows.Count;

    /// <summary>Problems with the file or mapping as a whole (no row): nothing can be imported until they are
    /// solved.</summary>
    public IReadOnlyList<ImportProblem> FileProblems => Problems.Where(p => p.Line is null).ToList();

    /// <summary>The leads of the rows without problems, read from the file as they are enumerated.</summary>
    public IEnumerable<ImportedLead> ReadLeads() => _leads();

    /// <summary>The activities of the rows without problems, read from the file as they are enumerated.</summary>
    public IEnumerable<ImportedActivity> ReadActivities() => _activities();

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
