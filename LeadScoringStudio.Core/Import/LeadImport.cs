using System.Globalization;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Import;

/// <summary>
/// The dry run of an import: reads the mapped leads file (and an activities file) into leads and
/// activities, checking every cell, and lists each problem with file, row, column and reason. Nothing
/// here writes anything.
/// </summary>
public static class LeadImport
{
    public static ImportPlan Plan(
        CsvTable leadsFile, IReadOnlyList<ColumnMapping> mapping, ImportOptions options,
        CsvTable? activitiesFile = null, ActivityFileMapping? activityMapping = null,
        ScoringModel? model = null, IReadOnlySet<string>? existingLeadIds = null)
    {
        var problems = new List<ImportProblem>();
        var badLines = new HashSet<(string, int)>();
        void Problem(string file, int line, string? column, string reason)
        {
            problems.Add(new ImportProblem(file, line, column, reason));
            badLines.Add((file, line));
        }

        var idColumns = mapping.Where(m => m.Target == ColumnTarget.LeadId).ToList();
        if (idColumns.Count > 1 || (idColumns.Count == 0) != options.RowNumberIds)
        {
            problems.Add(new ImportProblem(leadsFile.FileName, null, null, idColumns.Count switch
            {
                0 => "no column is mapped to the lead id: map the column that identifies each lead, or use the row " +
                    "number as the id",
                1 => "a column is mapped to the lead id and the row number is chosen as the id too: choose one",
                _ => "map only one column to the lead id",
            }));
            return new ImportPlan([], [], problems, []);
        }

        foreach (var unread in leadsFile.RowProblems.Concat(activitiesFile?.RowProblems ?? []))
        {
            Problem(unread.File, unread.Line!.Value, unread.Column, unread.Reason);
        }

        var leads = ReadLeads(leadsFile, mapping, options, idColumns.FirstOrDefault()?.Column, Problem);
        var existing = existingLeadIds ?? new HashSet<string>();
        var skippedLeads = leads.Where(l => badLines.Contains((leadsFile.FileName, l.Line)) && !existing.Contains(l.Id))
            .ToDictionary(l => l.Id, l => l.Line, StringComparer.Ordinal);
        var activities = activitiesFile is null || activityMapping is null
            ? []
            : ReadActivities(activitiesFile, activityMapping, options, model, leads.Select(l => l.Id)
                .Concat(existing).Where(id => !skippedLeads.ContainsKey(id)).ToHashSet(StringComparer.Ordinal),
                skippedLeads, Problem);

        return new ImportPlan(
            leads.Where(l => !badLines.Contains((leadsFile.FileName, l.Line))).ToList(),
            activities.Where(a => !badLines.Contains((activitiesFile!.FileName, a.Line))).ToList(),
            problems,
            badLines.Select(l => new SkippedRow(l.Item1, l.Item2)).ToList());
    }

    /// <summary>The lead id made from a row number when the file has no id column: the file's name and the row, e.g.
    /// "bank-marketing-2".</summary>
    public static string RowNumberId(string fileName,
        int line) => $"{MappingSuggestions.Identifier(Path.GetFileNameWithoutExtension(fileName))}-{line}";

    private static List<ImportedLead> ReadLeads(CsvTable file, IReadOnlyList<ColumnMapping> mapping,
        ImportOptions options, string? idColumn, Action<string, int, string?, string> problem)
    {
        var columns = mapping.Where(m => m.Target != ColumnTarget.Ignore)
            .Select(m => (Mapping: m, Index: file.ColumnIndex(m.Column))).ToList();
        var idIndex = idColumn is null ? -1 : file.ColumnIndex(idColumn);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var leads = new List<ImportedLead>(file.Rows.Count);
        foreach (var row in file.Rows)
        {
            var id = idIndex < 0 ? RowNumberId(file.FileName, row.Line) : row.Cells[idIndex].Trim();
            if (id.Length == 0 || options.IsMissing(id))
            {
                problem(file.FileName, row.Line, idColumn, "the lead id is empty");
                continue;
            }

            if (seen.TryGetValue(id, out var first))
            {
                problem(file.FileName, row.Line, idColumn, $"duplicate id '{id}' (also on row {first})");
                continue;
            }

            seen[id] = row.Line;
            var attributes = new Dictionary<string, FieldValue>(StringComparer.OrdinalIgnoreCase);
            LeadOutcome? outcome = null;
            foreach (var (map, index) in columns)
            {
                var text = row.Cells[index];
                if (map.Target == ColumnTarget.LeadId)
                {
                    continue;
                }

                var missing = options.IsMissing(text) || map.MeansMissing(text);
                if (map.Target == ColumnTarget.Outcome)
                {
                    outcome = missing ? LeadOutcome.Unknown : ParseOutcome(text);
                    if (outcome is null)
                    {
                        problem(file.FileName, row.Line,
                            map.Column, $"'{text}' is not an outcome (use converted/won/yes or lost/no, or leave it " +
                                $"empty)");
                    }

                    continue;
                }

                var (field, type) = map.Target switch
                {
                    ColumnTarget.Name => (Lead.NameField, FieldType.Text),
                    ColumnTarget.Email => (Lead.EmailField, FieldType.Text),
                    ColumnTarget.Company => (Lead.CompanyField, FieldType.Text),
                    _ => (map.Field ?? MappingSuggestions.Identifier(map.Column), map.Type),
                };
                if (missing)
                {
                    // No value in the file: a new lead has none, and a known lead keeps the one it has.
                    continue;
                }

                if (ValueParser.TryParse(text, type, out var value))
                {
                    attributes[field] = value;
                }
                else
                {
                    problem(file.FileName, row.Line, map.Column, BadValue(text, type));
                }
            }

            leads.Add(new ImportedLead(row.Line, id, attributes, outcome));
        }

        return leads;
    }

    private static List<ImportedActivity> ReadActivities(
        CsvTable file, ActivityFileMapping mapping, ImportOptions options, ScoringModel? model,
            IReadOnlySet<string> knownLeads, IReadOnlyDictionary<string, int> skippedLeads,
            Action<string, int, string?, string> problem)
    {
        var lead = file.ColumnIndex(mapping.LeadIdColumn);
        var type = file.ColumnIndex(mapping.TypeColumn);
        var at = file.ColumnIndex(mapping.AtColumn);
        var properties = file.Columns.Select((name, i) => (name, i)).Where(c => c.i != lead && c.i != type && c.i != at)
            .ToList();
        var activities = new List<ImportedActivity>(file.Rows.Count);
        foreach (var row in file.Rows)
        {
            var leadId = row.Cells[lead].Trim();
            var typeName = row.Cells[type].Trim();
            if (skippedLeads.TryGetValue(leadId, out var leadLine))
            {
                problem(file.FileName, row.Line, mapping.LeadIdColumn,
                    $"its lead '{leadId}' (leads file, row {leadLine}) has problems, so this activity cannot be added either");
                continue;
            }

            if (!knownLeads.Contains(leadId))
            {
                problem(file.FileName, row.Line,
                    mapping.LeadIdColumn, $"there is no lead with id '{leadId}' in the leads file or the workspace");
                continue;
            }

            if (model is not null && model.FindActivityType(typeName) is null)
            {
                problem(file.FileName, row.Line,
                    mapping.TypeColumn, $"unknown activity type '{typeName}'; the model knows " +
                        $"{string.Join(", ", model.ActivityTypes.Select(t => t.Name))}");
                continue;
            }

            if (!DateTimeOffset.TryParse(row.Cells[at], CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var when))
            {
                problem(file.FileName, row.Line,
                    mapping.AtColumn, $"'{row.Cells[at]}' is not a date and time (use e.g. 2026-05-01T14:30:00Z)");
                continue;
            }

            var props = properties
                .Where(p => !options.IsMissing(row.Cells[p.i]))
                .ToDictionary(p => p.name, p => row.Cells[p.i], StringComparer.OrdinalIgnoreCase);
            activities.Add(new ImportedActivity(row.Line, leadId,
                new Activity(model?.FindActivityType(typeName)?.Name ?? typeName, when, props)));
        }

        return activities;
    }

    internal static LeadOutcome? ParseOutcome(string text) => text.Trim().ToLowerInvariant() switch
    {
        "converted" or "won" or "yes" or "y" or "1" or "true" or "customer" => LeadOutcome.Converted,
        "not converted" or "lost" or "no" or "n" or "0" or "false" => LeadOutcome.NotConverted,
        "open" or "unknown" => LeadOutcome.Unknown,
        _ => null,
    };

    private static string BadValue(string text, FieldType type) => type switch
    {
        FieldType.Number => $"'{text}' is not a number (use a dot for decimals, no thousands separators)",
        FieldType.Date => $"'{text}' is not a date (use yyyy-mm-dd)",
        FieldType.YesNo => $"'{text}' is not yes or no",
        _ => $"'{text}' cannot be read",
    };
}
