using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace LeadScoringStudio.Security;

/// <summary>
/// An open tab re-checks its user against the store every few seconds; a user who was demoted, disabled, deleted or
/// signed out elsewhere is signed out of the open page, which then sends them to sign in.
/// </summary>
public sealed class RevalidatingStudioAuthentication(ILoggerFactory loggers, AccountCheck accounts)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState,
        CancellationToken cancellationToken) =>
        accounts.StillValidAsync(authenticationState.User);
}
