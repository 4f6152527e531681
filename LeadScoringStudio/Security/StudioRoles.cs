using System.Security.Claims;

namespace LeadScoringStudio.Security;

/// <summary>
/// The three roles and what each may do. Marketing and Sales build the model together (edit and save
/// the draft); Ops also publishes, manages users and changes settings.
/// </summary>
public static class StudioRoles
{
    public const string Marketing = "Marketing";
    public const string Sales = "Sales";
    public const string Ops = "Ops";

    public static IReadOnlyList<string> All { get; } = [Marketing, Sales, Ops];

    public static bool CanEditModel(ClaimsPrincipal user) => All.Any(user.IsInRole);

    public static bool CanPublish(ClaimsPrincipal user) => user.IsInRole(Ops);

    public static bool CanManageUsers(ClaimsPrincipal user) => user.IsInRole(Ops);

    /// <summary>The roles whose sign-off publishing needs when approval is required: the two sides of the agreement.</summary>
    public static IReadOnlyList<string> SignOffRoles { get; } = [Marketing, Sales];

    /// <summary>The role someone signs off as (Marketing or Sales), or null when they cannot sign off.</summary>
    public static string? SignOffRoleOf(ClaimsPrincipal user) => SignOffRoles.FirstOrDefault(user.IsInRole);

    /// <summary>The name shown in change records: the e-mail the user signs in with.</summary>
    public static string NameOf(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
