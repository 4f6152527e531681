using System.ComponentModel.DataAnnotations;

namespace LeadScoringStudio.Hosting;

/// <summary>The generated demo workspace: which seed and how many leads (section "Demo" of appsettings.json).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public int Seed { get; set; } = 42;

    [Range(1, 200_000)]
    public int LeadCount { get; set; } = 1000;
}
