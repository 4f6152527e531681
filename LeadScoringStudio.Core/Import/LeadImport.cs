using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Import;

/// <summary>
/// The dry run of an import: reads the mapped leads file (and an activities file) row by row, checking every cell,
/// and lists each problem with file, row, column and reason. It keeps no rows: the plan it gives reads the good rows
/// again when they are written. Memory grows with the number of lead ids (to find duplicates), not with the rows.
/// Nothing here writes anything.
/// </summary>
public static class LeadImport
{
    public static ImportPlan Plan(
        CsvTable leadsFile, IReadOnlyList<ColumnMapping> mapping, ImportOptions options,
        CsvTable? activitiesFile = null, ActivityFileMapping? activityMapping = null,
        ScoringModel? model = null, IReadOnlySet<string>? existingLeadIds = null, IProgress<int>? rowsChecked = null,
        DateTimeOffset? now = null)
    {
        var idColumns = mapping.Where(m => m.Target == ColumnTarget.LeadId).ToList();
        if (idColumns.Count > 1 || (idColumns.Count == 0) != options.RowNumberIds)
        {
            var problem = new ImportProblem(leadsFile.FileName, null, null, idColumns.Count switch
            {
                0 => "no column is mapped to the lead id: map the column that identifies each lead, or use the row " +
                    "number as the id",
                1 => "a column is mapped to the lead id and the row number is chosen as the id too: choose one",
                _ => "map only one column to the lead id",
            });
            return new ImportPlan(0, 0, [problem], 1, [], () => [], () => []);
        }

        var check = new Check(rowsChecked);
        var existing = existingLeadIds ?? new HashSet<string>();
        var leads = new LeadRowReader(leadsFile, mapping, options, idColumns.FirstOrDefault()?.Column);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var skippedLeads = new Dictionary<string, int>(StringComparer.Ordinal);
        var badLeadLines = new HashSet<int>();
        var leadCount = 0;
        foreach (var row in leadsFile.ReadRows(p => check.Add(p, badLeadLines)))
        {
            check.Row();
            if (leads.IdOf(row, p => check.Add(p, badLeadLines)) is not { } id)
            {
                continue;
            }

            if (seen.TryGetValue(id, out var first))
            {
                check.Add(leads.Problem(row, leads.IdColumn, $"duplicate id '{id}' (also on row {first})"),
                    badLeadLines);
                continue;
            }

            seen[id] = row.Line;
            leads.Read(row, id, p => check.Add(p, badLeadLines));
            if (!badLeadLines.Contains(row.Line))
            {
                leadCount++;
            }
            else if (!existing.Contains(id))
            {
                skippedLeads[id] = row.Line;
            }
        }

        var activities = activitiesFile is null || activityMapping is null
            ? null
            : new ActivityRowReader(activitiesFile, activityMapping, options, model, now);
        var badActivityLines = new HashSet<int>();
        var activityCount = 0;
        foreach (var row in activities?.File.ReadRows(p => check.Add(p, badActivityLines)) ?? [])
        {
            check.Row();
            var leadId = activities!.LeadIdOf(row);
            if (skippedLeads.TryGetValue(leadId, out var leadLine))
            {
                check.Add(activities.Problem(row, activities.Mapping.LeadIdColumn,
                    $"its lead '{leadId}' (leads file, row {leadLine}) has problems, " +
                    "so this activity cannot be added either"),
                    badActivityLines);
            }
            else if (!seen.ContainsKey(leadId) && !existing.Contains(leadId))
            {
                check.Add(activities.Problem(row, activities.Mapping.LeadIdColumn,
                    $"there is no lead with id '{leadId}' in the leads file or the workspace"), badActivityLines);
            }
            else if (activities.Read(row, p => check.Add(p, badActivityLines)) is not null)
            {
                activityCount++;
            }
        }

        var skipped = badLeadLines.Select(l => new SkippedRow(leadsFile.FileName, l))
            .Concat(badActivityLines.Select(l => new SkippedRow(activitiesFile!.FileName, l))).ToList();
        return new ImportPlan(leadCount, activityCount, check.Problems, check.Count, skipped,
            () => Good(leadsFile, badLeadLines, row => leads.Read(row, leads.IdOf(row, _ => { })!, _ => { })),
            () => activities is null ? [] : Good(activities.File, badActivityLines, row =>
                activities.Read(row, _ => { })));
    }

    /// <summary>The lead id made from a row number when the file has no id column: the file's name and the row, e.g.
    /// "bank-marketing-2".</summary>
    public static string RowNumberId(string fileName,
        int line) => $"{MappingSuggestions.Identifier(Path.GetFileNameWithoutExtension(fileName))}-{line}";

    private static IEnumerable<T> Good<T>(CsvTable file, HashSet<int> badLines, Func<CsvRow, T?> read)
        where T : class
    {
        foreach (var row in file.ReadRows())
        {
            if (!badLines.Contains(row.Line) && read(row) is { } item)
            {
                yield return item;
            }
        }
    }

    /// <summary>The problems of a dry run: all counted, the first <see cref="ImportPlan.MaxListed"/> kept, each row
    /// with one marked bad; and how many rows were checked, told every 10,000.</summary>
    private sealed class Check(IProgress<int>? rowsChecked)
    {
        private int _rows;

        public List<ImportProblem> Problems { get; } = [];

        public int Count { get; private set; }

        public void Add(ImportProblem problem, HashSet<int> badLines)
        {
            Count++;
            if (Problems.Count < ImportPlan.MaxListed)
            {
                Problems.Add(problem);
            }

            if (problem.Line is { } line)
            {
                badLines.Add(line);
            }
        }

        public void Row()
        {
            if (++_rows % 10_000 == 0)
            {
                rowsChecked?.Report(_rows);
            }
        }
    }

    internal static LeadOutcome? ParseOutcome(string text) => text.Trim().ToLowerInvariant() switch
    {
        "converted" or "won" or "yes" or "y" or "1" or "true" or "customer" => LeadOutcome.Converted,
        "not converted" or "lost" or "no" or "n" or "0" or "false" => LeadOutcome.NotConverted,
        "open" or "unknown" => LeadOutcome.Unknown,
        _ => null,
    };
}
