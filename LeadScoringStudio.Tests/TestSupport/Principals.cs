using System.Security.Claims;
using LeadScoringStudio.Security;

namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>Signed-in users as the services see them.</summary>
public static class Principals
{
    public static ClaimsPrincipal Marketing { get; } = In(StudioRoles.Marketing, "maya@example.com");

    public static ClaimsPrincipal Sales { get; } = In(StudioRoles.Sales, "sam@example.com");

    public static ClaimsPrincipal Ops { get; } = In(StudioRoles.Ops, "olga@example.com");

    public static ClaimsPrincipal NoRole { get; } = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "nobody@example.com")], "test"));

    private static ClaimsPrincipal In(string role, string name) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));
}
