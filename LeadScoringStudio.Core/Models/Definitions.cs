using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Models;

/// <summary>A lead attribute the model knows, with its type and the label people see.</summary>
public sealed record FieldDefinition(string Name, string Label, FieldType Type);

/// <summary>An activity type the model knows, e.g. "page_visit" shown as "Page visit".</summary>
public sealed record ActivityTypeDefinition(string Name, string Label);

/// <summary>
/// A product or interest area. Its criteria add up to its own score; at or above the watermark the
/// lead is "hot for" it. An optional cap limits what the category's criteria add together.
/// </summary>
public sealed record Category(string Id, string Label, int Watermark, int? Cap)
{
    public bool IsHotAt(int score) => score >= Watermark;
}
