using System.Globalization;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Import;

/// <summary>Reads one row of an activities file into an activity of a known type that happened between 1970 and
/// a day after <c>now</c> (when given); the columns besides lead, type and time become its properties.</summary>
internal sealed class ActivityRowReader(CsvTable file, ActivityFileMapping mapping, ImportOptions options,
    ScoringModel? model, DateTimeOffset? now)
{
    private readonly int _lead = file.ColumnIndex(mapping.LeadIdColumn);
    private readonly int _type = file.ColumnIndex(mapping.TypeColumn);
    private readonly int _at = file.ColumnIndex(mapping.AtColumn);

    public CsvTable File => file;

    public ActivityFileMapping Mapping => mapping;

    public ImportProblem Problem(CsvRow row, string column, string reason) =>
        new(file.FileName, row.Line, column, reason);

    public string LeadIdOf(CsvRow row) => row.Cells[_lead].Trim();

    public ImportedActivity? Read(CsvRow row, Action<ImportProblem> problem)
    {
        var typeName = row.Cells[_type].Trim();
        if (model is not null && model.FindActivityType(typeName) is null)
        {
            problem(Problem(row, mapping.TypeColumn, $"unknown activity type '{typeName}'; the model knows " +
                $"{string.Join(", ", model.ActivityTypes.Select(t => t.Name))}"));
            return null;
        }

        if (!DateTimeOffset.TryParse(row.Cells[_at], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var when))
        {
            problem(Problem(row, mapping.AtColumn,
                $"'{row.Cells[_at]}' is not a date and time (use e.g. 2026-05-01T14:30:00Z)"));
            return null;
        }

        if (now is { } today && InputLimits.ActivityTimeProblem(when, today) is { } wrongTime)
        {
            problem(Problem(row, mapping.AtColumn, wrongTime));
            return null;
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < row.Cells.Count; i++)
        {
            if (i != _lead && i != _type && i != _at && !options.IsMissing(row.Cells[i]))
            {
                properties[file.Columns[i]] = row.Cells[i];
            }
        }

        return new ImportedActivity(row.Line, LeadIdOf(row),
            new Activity(model?.FindActivityType(typeName)?.Name ?? typeName, when, properties));
    }
}
