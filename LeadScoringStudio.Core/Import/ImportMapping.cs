using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Import;

/// <summary>What a column of a leads file holds.</summary>
public enum ColumnTarget
{
    Ignore,
    LeadId,
    Name,
    Email,
    Company,
    Attribute,
    Outcome,
}

/// <summary>
/// One column of a leads file mapped to what it holds; an attribute column names its field and type.
/// <see cref="MissingValues"/> are texts that mean "no value" in this column (e.g. "unknown", or 999 for "never").
/// </summary>
public sealed record ColumnMapping(string Column, ColumnTarget Target, string? Field = null,
    FieldType Type = FieldType.Text)
{
    public IReadOnlyList<string> MissingValues { get; init; } = [];

    /// <summary>Why the suggestion took this column for a known field ("“Employees” means company size"); null
    /// when nothing known was matched.</summary>
    public string? Why { get; init; }

    public bool MeansMissing(string text) =>
        MissingValues.Any(m => string.Equals(m.Trim(), text.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>The columns of an activities file: which lead, what type, when; every other column becomes a
/// property.</summary>
public sealed record ActivityFileMapping(string LeadIdColumn, string TypeColumn, string AtColumn);

/// <summary>
/// Suggests mappings from column names and values: the lead id (a column named like one, else a column with a
/// different, non-empty value on every row), the outcome, the model's and the workspace's known fields with their
/// types, and for every other column a new field of the type its values have, with the texts that seem to mean "no
/// value".
/// </summary>
public static class MappingSuggestions
{
    private static readonly string[] IdNames = ["id", "lead id", "lead_id", "leadid", "external id", "external_id", "crm id"];
    private static readonly string[] IdWords = ["id", "number", "key", "code", "uuid", "guid", "email", "e-mail"];
    private static readonly string[] OutcomeNames = ["outcome", "converted", "won"];

    /// <summary>Names that are an outcome only when every value reads as one (yes/no, won/lost, 1/0).</summary>
    private static readonly string[] MaybeOutcomeNames =
        ["result", "output", "y", "target", "conversion", "is converted", "subscribed"];

    public static IReadOnlyList<ColumnMapping> ForLeads(
        CsvTable table, ScoringModel model, IReadOnlyList<ColumnGuess> guesses,
            IReadOnlyList<CatalogField>? known = null)
    {
        var id = LeadIdColumn(table.Columns, guesses);
        return table.Columns.Select((column, i) => column == id
                ? new ColumnMapping(column, ColumnTarget.LeadId)
                : Suggest(column, guesses[i], model, known ?? []))
            .ToList();
    }

    /// <summary>
    /// The column that can be the lead id: one named like an id (its duplicates and gaps are for the dry run to show),
    /// else one whose name says it identifies and whose values are unique and never empty. Null when there is none.
    /// </summary>
    public static string? LeadIdColumn(IReadOnlyList<string> columns, IReadOnlyList<ColumnGuess> guesses) =>
        columns.FirstOrDefault(c => IdNames.Contains(Normal(c)))
        ?? Enumerable.Range(0, columns.Count)
            .Where(i => guesses[i].IsUnique && Normal(columns[i]).Split(' ').Any(word => IdWords.Contains(word)))
            .Select(i => columns[i])
            .FirstOrDefault();

    public static ActivityFileMapping ForActivities(IReadOnlyList<string> columns) => new(
        columns.FirstOrDefault(c => IdNames.Contains(Normal(c))) ?? columns[0],
        columns.FirstOrDefault(c => Normal(c) is "type" or "activity" or "activity type" or "event")
            ?? columns.ElementAtOrDefault(1) ?? columns[0],
        columns.FirstOrDefault(c => Normal(c) is "at" or "date" or "time" or "timestamp" or "occurred at")
            ?? columns.ElementAtOrDefault(2) ?? columns[0]);

    private static ColumnMapping Suggest(string column, ColumnGuess guess, ScoringModel model,
        IReadOnlyList<CatalogField> known)
    {
        var name = Normal(column);
        var missing = guess.MissingOffers.Select(o => o.Value).ToList();
        if (OutcomeNames.Contains(name) || (MaybeOutcomeNames.Contains(name) && guess.ReadsAsOutcome))
        {
            return new ColumnMapping(column, ColumnTarget.Outcome) { MissingValues = missing };
        }

        var match = FieldMeaning.Of(column, model.Fields) ?? FieldMeaning.Of(column, FieldMeaning.LeadFields);
        var field = match?.Field;
        var described = known.FirstOrDefault(f =>
            string.Equals(f.Key, field?.Name ?? Identifier(column), StringComparison.OrdinalIgnoreCase));
        return field?.Name switch
        {
            Lead.NameField => new ColumnMapping(column, ColumnTarget.Name) { Why = match!.Why },
            Lead.EmailField => new ColumnMapping(column, ColumnTarget.Email) { Why = match!.Why },
            Lead.CompanyField => new ColumnMapping(column, ColumnTarget.Company) { Why = match!.Why },
            _ => new ColumnMapping(column, ColumnTarget.Attribute, described?.Key ?? field?.Name ?? Identifier(column),
                described?.Type ?? field?.Type ?? guess.Type)
            {
                MissingValues = missing,
                Why = match?.Why,
            },
        };
    }

    /// <summary>A field name from a column name: lower case, words joined by underscores.</summary>
    public static string Identifier(string column) =>
        string.Join('_', Normal(column).Split([' ', '-', '.', '/', '(', ')', ',', ':', '?', '\''],
            StringSplitOptions.RemoveEmptyEntries));

    private static string Normal(string text) => text.Trim().ToLowerInvariant().Replace('_', ' ');
}
