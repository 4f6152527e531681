using System.ComponentModel.DataAnnotations;

namespace LeadScoringStudio.Hosting;

/// <summary>
/// The demo workspace (section "Demo" of appsettings.json): whether to seed demo users, the starter
/// model and generated leads into an empty database, and with which seed and how many leads.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool SeedDemoData { get; set; }

    public int Seed { get; set; } = 42;

    [Range(1, 200_000)]
    public int LeadCount { get; set; } = 5000;
}
