using LeadScoringStudio.Security;

namespace LeadScoringStudio.Data;

/// <summary>One demo account per role, created only while demo seeding is on (and shown on the sign-in page then).</summary>
public static class DemoUsers
{
    public sealed record DemoUser(string Email, string DisplayName, string Role, string Password);

    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("marketing@demo.local", "Maya (Marketing)", StudioRoles.Marketing, "Marketing-demo-1"),
        new("sales@demo.local", "Sam (Sales)", StudioRoles.Sales, "Sales-demo-1"),
        new("ops@demo.local", "Olga (Ops)", StudioRoles.Ops, "Ops-demo-1"),
    ];
}
