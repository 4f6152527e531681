using System.Security.Claims;
using LeadScoringStudio.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LeadScoringStudio.Security;

/// <summary>
/// Who a signed-in person is <em>now</em>, as the user store says: a principal from a cookie or an open circuit
/// may carry roles that were taken away since. Every privileged service method asks here before it acts.
/// A principal whose account is gone, disabled or whose security stamp changed (sign-out, role change, password
/// reset) comes back signed out. API-key principals are checked per request by their own scheme, and principals the
/// server makes for itself (<see cref="ServerMade"/>, e.g. the demo seed's SDRs) never come from a request: both pass
/// as they are.
/// </summary>
public sealed class AccountCheck(IServiceScopeFactory scopes)
{
    /// <summary>The authentication type of principals the server makes for itself; no sign-in scheme issues
    /// it.</summary>
    public const string ServerMade = "server";

    private static readonly ClaimsPrincipal SignedOut = new(new ClaimsIdentity());

    public async Task<ClaimsPrincipal> NowAsync(ClaimsPrincipal claimed)
    {
        if (StandsAsIs(claimed) is { } stands)
        {
            return stands ? claimed : SignedOut;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await StandingAsync(scope.ServiceProvider, claimed) is { } user
            ? await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<StudioUser>>()
                .CreateAsync(user)
            : SignedOut;
    }

    /// <summary>
    /// True when the claimed principal still stands with the same roles; an open circuit whose answer is false is
    /// signed out. Every open circuit asks this every few seconds, so it reads only the account and its roles, not a
    /// whole new principal.
    /// </summary>
    public async Task<bool> StillValidAsync(ClaimsPrincipal claimed)
    {
        if (StandsAsIs(claimed) is { } stands)
        {
            return stands;
        }

        await using var scope = scopes.CreateAsyncScope();
        if (await StandingAsync(scope.ServiceProvider, claimed) is not { } user)
        {
            return false;
        }

        var roles = await scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>().GetRolesAsync(user);
        return StudioRoles.All.All(role => roles.Contains(role) == claimed.IsInRole(role));
    }

    /// <summary>False for nobody signed in, true for API-key and server-made principals (they pass as they are), null
    /// for a signed-in person, whose account must be read.</summary>
    private static bool? StandsAsIs(ClaimsPrincipal claimed) => claimed.Identity switch
    {
        not { IsAuthenticated: true } => false,
        { AuthenticationType: ApiKeyAuthenticationHandler.SchemeName or ServerMade } => true,
        _ => null,
    };

    /// <summary>The account behind the claim, when it exists, is not locked out and has the same security
    /// stamp.</summary>
    private static async Task<StudioUser?> StandingAsync(IServiceProvider services, ClaimsPrincipal claimed)
    {
        var users = services.GetRequiredService<UserManager<StudioUser>>();
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity
            .SecurityStampClaimType;
        return await users.GetUserAsync(claimed) is { } user
            && claimed.FindFirstValue(stampClaim) == await users.GetSecurityStampAsync(user)
            && !await users.IsLockedOutAsync(user)
                ? user
                : null;
    }
}
