namespace LeadScoringStudio.Components.Shared;

/// <summary>A count with its noun as people write it: "1 lead", "2 leads", "5,012 leads".</summary>
public static class Counted
{
    public static string Of(int count, string one, string? many = null) =>
        $"{count:N0} {(count == 1 ? one : many ?? one + "s")}";
}
