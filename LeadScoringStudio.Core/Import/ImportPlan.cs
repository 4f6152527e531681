using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Import;

/// <summary>A lead read from a file row: its id, the attributes the row gives values for (a missing value in API input
/// removes one), and its outcome if given.</summary>
public sealed record ImportedLead(int Line, string Id, IReadOnlyDictionary<string, FieldValue> Attributes,
    LeadOutcome? Outcome);

/// <summary>An activity read from an activities file row.</summary>
public sealed record ImportedActivity(int Line, string LeadId, Activity Activity);

/// <summary>
/// The outcome of a dry run: the leads and activities the files would write, every problem found, and
/// how many rows had problems (those rows are left out; they are written only if fixed).
/// </summary>
public sealed record ImportPlan(
    IReadOnlyList<ImportedLead> Leads, IReadOnlyList<ImportedActivity> Activities,
        IReadOnlyList<ImportProblem> Problems, int BadRows)
{
    public bool IsClean => Problems.Count == 0;

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
