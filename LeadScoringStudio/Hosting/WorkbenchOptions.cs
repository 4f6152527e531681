using System.ComponentModel.DataAnnotations;

namespace LeadScoringStudio.Hosting;

/// <summary>How edits in a shared workbench are committed (section "Workbench" of appsettings.json).</summary>
public sealed class WorkbenchOptions
{
    public const string Section = "Workbench";

    /// <summary>
    /// How long a control must stay still before its edit is committed: a slider drag or a burst of typing is one
    /// version, one log line and one voided sign-off. 0 commits every edit at once.
    /// </summary>
    [Range(0, 10_000)]
    public int SettleMilliseconds { get; set; } = 400;

    /// <summary>An edit that moves more than this share of the leads (in or out of MQL, disqualified or back) shows
    /// its impact and waits for "apply" before everyone gets it.</summary>
    [Range(0.0, 1.0)]
    public double ConfirmShare { get; set; } = 0.05;
}
