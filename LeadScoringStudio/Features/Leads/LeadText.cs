using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;

namespace LeadScoringStudio.Features.Leads;

/// <summary>How pages link to a lead and say its known outcome.</summary>
public static class LeadText
{
    /// <summary>The lead page's address, relative to the app's base.</summary>
    public static string Link(string leadId) => $"leads/{Uri.EscapeDataString(leadId)}";

    /// <summary>"hot for Payments since 3 Nov" (without the date when the crossing was not recorded).</summary>
    public static string HotFor(CategoryScore category, DateTimeOffset? since) =>
        $"hot for {category.Label}{(since is { } at ? $" since {at:d MMM}" : "")}";

    public static string Outcome(StoredLead lead) => lead.Outcome switch
    {
        LeadOutcome.Converted => $"converted ({SourceOf(lead.OutcomeSource)})",
        LeadOutcome.NotConverted => $"not converted ({SourceOf(lead.OutcomeSource)})",
        _ => "",
    };

    private static string SourceOf(OutcomeSource source) => source == OutcomeSource.Sales ? "sales" : "import";
}
