using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Listing;

/// <summary>How B2B sales usually splits accounts: by the company's head count.</summary>
public enum CompanySegment : byte
{
    Unknown,
    Smb,
    MidMarket,
    Enterprise,
}

public static class CompanySegments
{
    /// <summary>The field the segment is read from (imports map "Employees" and the like to it).</summary>
    public const string SizeField = "company_size";

    public const int MidMarketFrom = 200;
    public const int EnterpriseFrom = 1000;

    public static CompanySegment Of(Lead lead) => lead.Attribute(SizeField) switch
    {
        { Type: FieldType.Number, Number: >= EnterpriseFrom } => CompanySegment.Enterprise,
        { Type: FieldType.Number, Number: >= MidMarketFrom } => CompanySegment.MidMarket,
        { Type: FieldType.Number } => CompanySegment.Smb,
        _ => CompanySegment.Unknown,
    };

    public static string Name(this CompanySegment segment) => segment switch
    {
        CompanySegment.Smb => $"SMB (under {MidMarketFrom} employees)",
        CompanySegment.MidMarket => $"Mid-market ({MidMarketFrom}–{EnterpriseFrom - 1:N0})",
        CompanySegment.Enterprise => $"Enterprise ({EnterpriseFrom:N0}+)",
        _ => "Size unknown",
    };
}
