using System.Security.Claims;
using LeadScoringStudio.Data;
using LeadScoringStudio.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>
/// Signed-in users as the services see them: principals as a sign-in cookie carries them (user id, name, role and
/// security stamp). <see cref="AddToAsync"/> creates the matching accounts, so the services' check against the user
/// store finds them as they are.
/// </summary>
public static class Principals
{
    private static readonly (string Id, string Email, string? Role)[] Accounts =
    [
        ("test-marketing", "maya@example.com", StudioRoles.Marketing),
        ("test-sales", "sam@example.com", StudioRoles.Sales),
        ("test-ops", "olga@example.com", StudioRoles.Ops),
        ("test-nobody", "nobody@example.com", null),
    ];

    public static ClaimsPrincipal Marketing { get; } = Of(Accounts[0]);

    public static ClaimsPrincipal Sales { get; } = Of(Accounts[1]);

    public static ClaimsPrincipal Ops { get; } = Of(Accounts[2]);

    public static ClaimsPrincipal NoRole { get; } = Of(Accounts[3]);

    /// <summary>Creates the four accounts in the store, then gives them the security stamps their principals carry
    /// (creating an account draws a new stamp).</summary>
    public static async Task AddToAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        foreach (var (id, email, role) in Accounts)
        {
            var user = new StudioUser { Id = id, UserName = email, Email = email, DisplayName = email,
                EmailConfirmed = true };
            Check(await users.CreateAsync(user, "Long-enough-1"));
            if (role is not null)
            {
                Check(await users.AddToRoleAsync(user, role));
            }

            await scope.ServiceProvider.GetRequiredService<IUserStore<StudioUser>>()
                .UpdateAsync(Reset(user, id), CancellationToken.None);
        }
    }

    /// <summary>The principal of a stored account as its sign-in cookie would carry it now.</summary>
    public static async Task<ClaimsPrincipal> SignedInAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<StudioUser>>()
            .CreateAsync(user);
    }

    private static StudioUser Reset(StudioUser user, string id)
    {
        user.SecurityStamp = StampOf(id);
        return user;
    }

    private static ClaimsPrincipal Of((string Id, string Email, string? Role) account)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, account.Id),
            new(ClaimTypes.Name, account.Email),
            new("AspNet.Identity.SecurityStamp", StampOf(account.Id)),
        ];
        if (account.Role is not null)
        {
            claims.Add(new Claim(ClaimTypes.Role, account.Role));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, IdentityConstants.ApplicationScheme));
    }

    private static string StampOf(string id) => "STAMP-" + id.ToUpperInvariant();

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
