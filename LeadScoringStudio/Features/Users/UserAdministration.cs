using System.Security.Claims;
using LeadScoringStudio.Data;
using LeadScoringStudio.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Features.Users;

/// <summary>A user as the users page lists them. <paramref name="LockedUntil"/> is set while the account cannot sign in
/// (<see cref="DateTimeOffset.MaxValue"/> when disabled).</summary>
public sealed record UserSummary(string Id, string Email, string DisplayName, string? Role, DateTimeOffset? LockedUntil)
{
    public bool IsDisabled => LockedUntil == DateTimeOffset.MaxValue;
}

/// <summary>The outcome of a user change, with a message for the person who asked.</summary>
public sealed record UserChangeResult(bool Succeeded, string Message);

/// <summary>
/// Ops adds people, sets their role, disables, locks, deletes them and resets their password. Every call checks that
/// the caller is Ops now (<see cref="AccountCheck"/>), and the last active Ops account can be neither demoted,
/// disabled, locked nor deleted: someone must always be able to manage users. Every change that takes rights away
/// rotates the person's security stamp, so their cookies and open pages lose those rights within seconds. Each
/// operation uses its own scope, so no Identity state lingers in a long-lived circuit.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, AccountCheck accounts, TimeProvider time)
{
    private const string NotOps = "Only Ops can manage users.";
    private const string Gone = "That user no longer exists; reload the page.";

    /// <summary>One account change at a time, so two Ops demoting each other at once cannot leave nobody in
    /// Ops.</summary>
    private static readonly SemaphoreSlim OneChangeAtATime = new(1, 1);

    public async Task<IReadOnlyList<UserSummary>> ListAsync(ClaimsPrincipal actor)
    {
        if (!StudioRoles.CanManageUsers(await accounts.NowAsync(actor)))
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
        var result = new List<UserSummary>();
        foreach (var user in all)
        {
            var roles = await users.GetRolesAsync(user);
            var locked = user.LockoutEnd > time.GetUtcNow() ? user.LockoutEnd : null;
            result.Add(new UserSummary(user.Id, user.Email ?? "", user.DisplayName, roles.FirstOrDefault(), locked));
        }

        return result;
    }

    public async Task<UserChangeResult> AddAsync(ClaimsPrincipal actor, string email, string displayName, string role,
        string password)
    {
        if (!StudioRoles.CanManageUsers(await accounts.NowAsync(actor)))
        {
            return new(false, NotOps);
        }

        if (!StudioRoles.All.Contains(role))
        {
            return new(false, $"'{role}' is not a role here; choose {string.Join(", ", StudioRoles.All)}.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        var user = new StudioUser { UserName = email.Trim(), Email = email.Trim(), DisplayName = displayName.Trim(),
            EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new(false, Describe(created));
        }

        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded ? new(true, $"{user.Email} can now sign in as {role}.") : new(false, Describe(added));
    }

    public Task<UserChangeResult> SetRoleAsync(ClaimsPrincipal actor, string userId, string role) =>
        ChangeAsync(actor, userId, role == StudioRoles.Ops ? null : "demoted", async (users, user) =>
        {
            if (!StudioRoles.All.Contains(role))
            {
                return new(false, $"'{role}' is not a role here; choose {string.Join(", ", StudioRoles.All)}.");
            }

            var removed = await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
            var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
            return added.Succeeded
                ? new(true, $"{user.Email} is now {role}; their open pages follow within seconds.")
                : new(false, Describe(added));
        });

    /// <summary>Stops the account from signing in until it is enabled again, and signs it out everywhere.</summary>
    public Task<UserChangeResult> DisableAsync(ClaimsPrincipal actor, string userId) =>
        LockAsync(actor, userId, DateTimeOffset.MaxValue, "disabled", "{0} is disabled and signed out everywhere.");

    /// <summary>Locks the account for a while (e.g. while a leaked password is looked into), signing it out
    /// everywhere.</summary>
    public Task<UserChangeResult> LockAsync(ClaimsPrincipal actor, string userId, TimeSpan duration) =>
        LockAsync(actor, userId, time.GetUtcNow() + duration, "locked",
            $"{{0}} is locked for {duration.TotalHours:0.#} hours and signed out everywhere.");

    public Task<UserChangeResult> EnableAsync(ClaimsPrincipal actor, string userId) =>
        ChangeAsync(actor, userId, null, async (users, user) =>
        {
            var unlocked = await users.SetLockoutEndDateAsync(user, null);
            return unlocked.Succeeded ? new(true, $"{user.Email} can sign in again.") : new(false, Describe(unlocked));
        });

    /// <summary>Sets a new password chosen by Ops, and signs the person out everywhere.</summary>
    public Task<UserChangeResult> ResetPasswordAsync(ClaimsPrincipal actor, string userId, string newPassword) =>
        ChangeAsync(actor, userId, null, async (users, user) =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, newPassword);
            return reset.Succeeded
                ? new(true, $"{user.Email} has a new password and is signed out everywhere; tell them in person.")
                : new(false, Describe(reset));
        });

    /// <summary>Removes the account. What they did stays in the change log and feedback under their e-mail.</summary>
    public Task<UserChangeResult> DeleteAsync(ClaimsPrincipal actor, string userId) =>
        ChangeAsync(actor, userId, "deleted", async (users, user) =>
        {
            var deleted = await users.DeleteAsync(user);
            return deleted.Succeeded ? new(true, $"{user.Email} is deleted.") : new(false, Describe(deleted));
        });

    private Task<UserChangeResult> LockAsync(ClaimsPrincipal actor, string userId, DateTimeOffset until, string losing,
        string done) =>
        ChangeAsync(actor, userId, losing, async (users, user) =>
        {
            var enabled = await users.SetLockoutEnabledAsync(user, true);
            var locked = enabled.Succeeded ? await users.SetLockoutEndDateAsync(user, until) : enabled;
            return locked.Succeeded
                ? new(true, string.Format(System.Globalization.CultureInfo.InvariantCulture, done, user.Email))
                : new(false, Describe(locked));
        });

    /// <summary>
    /// Runs one change to one account for an Ops caller. <paramref name="opsLoses"/> names what the change does when
    /// it would take Ops rights away from the account (null when it does not): refused for the last active Ops account.
    /// The account's security stamp is rotated afterwards, so every cookie and open page re-reads it.
    /// </summary>
    private async Task<UserChangeResult> ChangeAsync(ClaimsPrincipal actor, string userId, string? opsLoses,
        Func<UserManager<StudioUser>, StudioUser, Task<UserChangeResult>> change)
    {
        if (!StudioRoles.CanManageUsers(await accounts.NowAsync(actor)))
        {
            return new(false, NotOps);
        }

        await OneChangeAtATime.WaitAsync();
        try
        {
            return await ChangeOneAsync(userId, opsLoses, change);
        }
        finally
        {
            OneChangeAtATime.Release();
        }
    }

    private async Task<UserChangeResult> ChangeOneAsync(string userId, string? opsLoses,
        Func<UserManager<StudioUser>, StudioUser, Task<UserChangeResult>> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new(false, Gone);
        }

        if (opsLoses is not null && await users.IsInRoleAsync(user, StudioRoles.Ops)
            && await ActiveOpsCountAsync(users) <= 1)
        {
            return new(false, $"{user.Email} is the only active Ops account, so it cannot be {opsLoses}; " +
                "make someone else Ops first.");
        }

        var result = await change(users, user);
        if (result.Succeeded && await users.FindByIdAsync(userId) is { } changed)
        {
            await users.UpdateSecurityStampAsync(changed);
        }

        return result;
    }

    private async Task<int> ActiveOpsCountAsync(UserManager<StudioUser> users)
    {
        var now = time.GetUtcNow();
        return (await users.GetUsersInRoleAsync(StudioRoles.Ops))
            .Count(u => u.LockoutEnd is null || u.LockoutEnd <= now);
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
