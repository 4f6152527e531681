namespace LeadScoringStudio.Core.Leads;

/// <summary>The type of a lead attribute. A value of any type may also be missing.</summary>
public enum FieldType
{
    Text,
    Number,
    YesNo,
    Date,
}
