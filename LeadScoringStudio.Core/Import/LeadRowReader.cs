using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Import;

/// <summary>Reads one row of a leads file into a lead, as the mapping says.</summary>
internal sealed class LeadRowReader(CsvTable file, IReadOnlyList<ColumnMapping> mapping, ImportOptions options,
    string? idColumn)
{
    private readonly List<(ColumnMapping Mapping, int Index)> _columns = mapping
        .Where(m => m.Target is not (ColumnTarget.Ignore or ColumnTarget.LeadId))
        .Select(m => (m, file.ColumnIndex(m.Column))).ToList();

    private readonly int _idIndex = idColumn is null ? -1 : file.ColumnIndex(idColumn);

    public string? IdColumn => idColumn;

    public ImportProblem Problem(CsvRow row, string? column, string reason) =>
        new(file.FileName, row.Line, column, reason);

    public string? IdOf(CsvRow row, Action<ImportProblem> problem)
    {
        var id = _idIndex < 0 ? LeadImport.RowNumberId(file.FileName, row.Line) : row.Cells[_idIndex].Trim();
        if (id.Length == 0 || options.IsMissing(id))
        {
            problem(Problem(row, idColumn, "the lead id is empty"));
            return null;
        }

        if (id.Length > InputLimits.MaxKeyLength)
        {
            problem(Problem(row, idColumn,
                $"the lead id is {id.Length:N0} characters long; at most {InputLimits.MaxKeyLength} are allowed"));
            return null;
        }

        return id;
    }

    public ImportedLead Read(CsvRow row, string id, Action<ImportProblem> problem)
    {
        var attributes = new Dictionary<string, FieldValue>(StringComparer.OrdinalIgnoreCase);
        LeadOutcome? outcome = null;
        foreach (var (map, index) in _columns)
        {
            var text = row.Cells[index];
            var missing = options.IsMissing(text) || map.MeansMissing(text);
            if (map.Target == ColumnTarget.Outcome)
            {
                outcome = missing ? LeadOutcome.Unknown : LeadImport.ParseOutcome(text);
                if (outcome is null)
                {
                    problem(Problem(row, map.Column, $"'{text}' is not an outcome (use converted/won/yes or " +
                        "lost/no, or leave it empty)"));
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
                problem(Problem(row, map.Column, BadValue(text, type)));
            }
        }

        return new ImportedLead(row.Line, id, attributes, outcome);
    }

private static string BadValue(string text, FieldType type) => type switch
{
    FieldType.Number => $"'{text}' is not a number (use a dot for decimals, no thousands separators)",
    FieldType.Date => $"'{text}' is not a date (use yyyy-mm-dd)",
    FieldType.YesNo => $"'{text}' is not yes or no",
    _ => $"'{text}' cannot be read",
};
}
