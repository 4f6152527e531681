using LeadScoringStudio.Data;
using LeadScoringStudio.Security;
using Microsoft.AspNetCore.Identity;

namespace LeadScoringStudio.Features.Account;

/// <summary>
/// Signs in with an e-mail and password. Wrong passwords never lock an account (see <see cref="SignInThrottle"/> for
/// what slows guessing instead), and an unknown e-mail costs the same password hashing as a known one and gets the
/// same answer, so neither the message nor the time tells whether an account exists. Only someone who knows the
/// password learns that the account is disabled.
/// </summary>
public sealed class PasswordSignIn(SignInManager<StudioUser> signIn, SignInThrottle throttle)
{
    public const string NoMatch = "That e-mail and password do not match an account.";
    public const string Disabled = "This account is disabled or locked. Ask someone in Ops.";

    private static readonly PasswordHasher<StudioUser> Hasher = new();
    private static readonly string UnknownAccountHash = Hasher.HashPassword(new StudioUser(), Guid.NewGuid()
        .ToString());

    /// <summary>Null when signed in, else the sentence to show.</summary>
    public async Task<string?> SignInAsync(string email, string password, bool remember, string address)
    {
        var wait = throttle.WaitFor(address, email);
        if (wait > TimeSpan.Zero)
        {
            return $"Too many failed sign-ins: wait {Math.Ceiling(wait.TotalSeconds):0} seconds, then try again.";
        }

        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            Hasher.VerifyHashedPassword(new StudioUser(), UnknownAccountHash, password);
            throttle.Failed(address, email);
            return NoMatch;
        }

        if (!await signIn.UserManager.CheckPasswordAsync(user, password))
        {
            throttle.Failed(address, email);
            return NoMatch;
        }

        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            return Disabled;
        }

        throttle.Succeeded(address, email);
        await signIn.SignInAsync(user, remember);
        return null;
    }

    /// <summary>Where someone lands who signed in without asking for a page: an SDR (Sales, and neither Marketing
    /// nor Ops) on the queue, everyone else on the model workbench.</summary>
    public async Task<string> HomeOfAsync(string email)
    {
        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        var roles = user is null ? [] : await signIn.UserManager.GetRolesAsync(user);
        return roles.SequenceEqual([StudioRoles.Sales]) ? "/queue" : "/";
    }
}
