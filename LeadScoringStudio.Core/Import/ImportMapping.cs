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

/// <summary>One column of a leads file mapped to what it holds; an attribute column names its field and type.</summary>
public sealed record ColumnMapping(string Column, ColumnTarget Target, string? Field = null, FieldType Type = FieldType.Text);

/// <summary>The columns of an activities file: which lead, what type, when; every other column becomes a property.</summary>
public sealed record ActivityFileMapping(string LeadIdColumn, string TypeColumn, string AtColumn);

/// <summary>Suggests mappings from column names, matching the model's fields by name or label.</summary>
public static class MappingSuggestions
{
    private static readonly string[] IdNames = ["id", "lead id", "lead_id", "leadid", "external id", "external_id", "crm id"];

    public static IReadOnlyList<ColumnMapping> ForLeads(IReadOnlyList<string> columns, ScoringModel model) =>
        columns.Select(column => Suggest(column, model)).ToList();

    public static ActivityFileMapping ForActivities(IReadOnlyList<string> columns) => new(
        columns.FirstOrDefault(c => IdNames.Contains(Normal(c))) ?? columns[0],
        columns.FirstOrDefault(c => Normal(c) is "type" or "activity" or "activity type" or "event") ?? columns.ElementAtOrDefault(1) ?? columns[0],
        columns.FirstOrDefault(c => Normal(c) is "at" or "date" or "time" or "timestamp" or "occurred at") ?? columns.ElementAtOrDefault(2) ?? columns[0]);

    private static ColumnMapping Suggest(string column, ScoringModel model)
    {
        var name = Normal(column);
        if (IdNames.Contains(name))
        {
            return new ColumnMapping(column, ColumnTarget.LeadId);
        }

        if (name is "outcome" or "converted" or "won" or "result")
        {
            return new ColumnMapping(column, ColumnTarget.Outcome);
        }

        var field = model.Fields.FirstOrDefault(f => Normal(f.Name) == name || Normal(f.Label) == name || Normal(f.Name.Replace('_', ' ')) == name);
        return field?.Name switch
        {
            Lead.NameField => new ColumnMapping(column, ColumnTarget.Name),
            Lead.EmailField => new ColumnMapping(column, ColumnTarget.Email),
            Lead.CompanyField => new ColumnMapping(column, ColumnTarget.Company),
            { } known => new ColumnMapping(column, ColumnTarget.Attribute, known, field.Type),
            null when name is "e-mail" or "mail" => new ColumnMapping(column, ColumnTarget.Email),
            null => new ColumnMapping(column, ColumnTarget.Attribute, Identifier(column), FieldType.Text),
        };
    }

    /// <summary>A field name from a column name: lower case, words joined by underscores.</summary>
    public static string Identifier(string column) =>
        string.Join('_', Normal(column).Split([' ', '-', '.', '/'], StringSplitOptions.RemoveEmptyEntries));

    private static string Normal(string text) => text.Trim().ToLowerInvariant().Replace('_', ' ');
}
