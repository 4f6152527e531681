namespace LeadScoringStudio.Hosting;

/// <summary>How publishing is governed (section "Governance" of appsettings.json).</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Governance";

    /// <summary>When on, a draft is published only after one Marketing and one Sales member signed off on that exact draft.</summary>
    public bool RequireApproval { get; set; }
}
